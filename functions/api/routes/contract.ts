import { Hono } from "hono";
import { openApiDocument } from "../contract/document";
import type { ApiEnv } from "../env";

/** The API's own contract: GET /api/openapi.json (the reference page is /api/docs). */
export const contractRoutes = new Hono<ApiEnv>().get("/openapi.json", (c) =>
  c.json(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" }),
);
