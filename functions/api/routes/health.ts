import { Hono } from "hono";
import type { ApiEnv } from "../env";

/** Liveness only: answers without touching D1 or any other binding. */
export const healthRoutes = new Hono<ApiEnv>().get("/", (c) => c.json({ ok: true }));
