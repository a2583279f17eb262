import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../services/errors";
import { MAX_BODY_BYTES } from "../services/http-policy";
import type { ApiEnv } from "./env";
import { orgAccessMiddleware } from "./org-context";
import { accountRoutes } from "./routes/accounts";
import { actionRoutes } from "./routes/actions";
import { campaignRoutes } from "./routes/campaigns";
import { contractRoutes } from "./routes/contract";
import { healthRoutes } from "./routes/health";
import { integrationRoutes } from "./routes/integrations";
import { boostRoutes } from "./routes/boosts";
import { orgRoutes } from "./routes/orgs";
import { pppRoutes } from "./routes/ppp";
import { pulseRoutes } from "./routes/pulse";
import { reportRoutes } from "./routes/reports";
import { scorecardRoutes } from "./routes/scorecard";
import { sentimentRoutes } from "./routes/sentiment";
import { waveRoutes } from "./routes/waves";

export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

function respondWithError(c: Context, error: AppError) {
  return c.json(errorBody(error), error.status);
}

/** The JSON API, mounted at /api by src/pages/api/[...path].ts. */
export const app = new Hono<ApiEnv>().basePath("/api");

// POST, PUT and PATCH must be JSON: a cross-site page cannot send that content type without
// a CORS preflight we never grant, which is the API's CSRF defence. DELETE always needs a
// preflight, so it may come without a body.
app.use("*", async (c, next) => {
  if (c.req.method === "POST" || c.req.method === "PUT" || c.req.method === "PATCH") {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) {
      throw new AppError(415, "unsupported_media_type", "Send the request body as JSON with Content-Type: application/json.");
    }
  }
  await next();
});

app.use(
  "*",
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      respondWithError(c, new AppError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`)),
  }),
);

app.route("/health", healthRoutes);
app.route("/", contractRoutes);
app.route("/scorecard", scorecardRoutes);
app.route("/", accountRoutes);
app.use("/orgs/:org/*", orgAccessMiddleware);
app.use("/orgs/:org", orgAccessMiddleware);
app.route("/orgs/:org", orgRoutes);
app.route("/orgs/:org", actionRoutes);
app.route("/orgs/:org", waveRoutes);
app.route("/orgs/:org", pppRoutes);
app.route("/orgs/:org", boostRoutes);
app.route("/orgs/:org", sentimentRoutes);
app.route("/orgs/:org", reportRoutes);
app.route("/pulse", pulseRoutes);
app.route("/orgs/:org", campaignRoutes);
app.route("/orgs/:org", integrationRoutes);

app.notFound((c) =>
  respondWithError(c, new AppError(404, "not_found", `No API endpoint at ${c.req.method} ${new URL(c.req.url).pathname}.`)),
);

app.onError((error, c) => {
  if (error instanceof AppError) return respondWithError(c, error);
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(
      { error: { code: "bad_request", message: error.message || "The request could not be processed.", details: [] } },
      error.status,
    );
  }
  console.error("unhandled API error", error);
  return c.json(
    { error: { code: "internal_error", message: "Something went wrong on our side. Try again in a moment.", details: [] } },
    500,
  );
});
