/** The Hono environment of every API router: the Worker's bindings. Its own module so routers need not import the app that mounts them. */
export type ApiEnv = { Bindings: Env };
