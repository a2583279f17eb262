/**
 * The OpenAPI 3.1 document of the JSON API, built from OPERATIONS with zod's own JSON Schema
 * output (draft 2020-12, the dialect OpenAPI 3.1 uses, so nothing is converted). Named answer
 * schemas (`.meta({ id })`) become components; request bodies are the services' own zod
 * schemas in their input form.
 */
import { z } from "zod";
import { ErrorEnvelope } from "./common";
import { OPERATIONS, type Operation } from "./operations";

type Json = Record<string, unknown>;

/** Every error answer: the envelope's component (registered by its `.meta({ id })`). */
const ERROR_REF = { $ref: `#/components/schemas/${z.globalRegistry.get(ErrorEnvelope)?.id}` };

const PARAMETERS: Record<string, string> = {
  org: "The org's slug.",
  team: "A team id.",
  wave: "A wave id.",
  objective: "An objective id.",
  kr: "A key result id.",
  boost: "A boost id.",
  campaign: "A campaign id.",
  link: "A share link id.",
  token: "For /api/pulse: the pulse link's token. For api-tokens: the token's id.",
  endpoint: "A webhook endpoint id.",
  delivery: "A delivery id (a number).",
  week: "Any day of the week (YYYY-MM-DD); the week starts on its Monday.",
  kind: "org_report, team_report, pulse_reminder or campaign_report.",
  id: "A Scorecard result id.",
};

const ERRORS: Record<number, string> = {
  400: "Bad input (validation_failed with one detail per field, or invalid_json).",
  401: "Not signed in, or the API token is malformed, expired or revoked.",
  403: "Signed in, but this needs another role (or a read-write token).",
  404: "No such thing in this org (another org's ids answer 404 too).",
  409: "Not possible in the current state (the message says why).",
  410: "The link was revoked or has expired.",
  413: "The body is larger than the limit.",
  415: "A body must be JSON with Content-Type: application/json.",
  429: "Too many requests from this client; retry after the Retry-After header's seconds.",
};

/** Hono's `/a/:b` as OpenAPI's `/a/{b}`. */
export function openApiPath(pattern: string): string {
  return pattern.replace(/:([A-Za-z]+)/g, "{$1}");
}

function clean(schema: Json): Json {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}

function errorStatuses(op: Operation): number[] {
  const statuses = new Set(op.errors ?? []);
  const writes = op.method !== "GET" && op.method !== "DELETE";
  if (writes) [400, 413, 415].forEach((s) => statuses.add(s));
  if (op.path.includes("/:") || op.query) statuses.add(400);
  if (op.access !== "public") [401, 403, 404, 429].forEach((s) => statuses.add(s));
  if (op.rateLimited) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

const SECURITY: Record<Operation["access"], Json[]> = {
  public: [],
  member: [{ session: [] }, { token: [] }],
  admin: [{ session: [] }, { token: [] }],
  "admin-session": [{ session: [] }],
  "member-session": [{ session: [] }],
};

const ACCESS_NOTE: Record<Operation["access"], string> = {
  public: "",
  member: "Any member of the org (admin or team lead), by session or API token; writes need a read-write token.",
  admin: "The org's admins, by session or an admin's API token; writes need a read-write token.",
  "admin-session": "A signed-in admin's session only: an API token cannot manage tokens, webhooks or chat channels.",
  "member-session": "A signed-in session of the team's lead or an admin only: an API token cannot change a chat channel.",
};

function operationObject(op: Operation): Json {
  const names = [...op.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  const parameters: Json[] = [
    ...names.map((name) => ({ name, in: "path", required: true, description: PARAMETERS[name] ?? name, schema: { type: "string" } })),
    ...Object.entries(op.query ?? {}).map(([name, q]) => ({
      name,
      in: "query",
      required: false,
      description: q.description,
      schema: q.schema ? clean(z.toJSONSchema(q.schema, { io: "input", unrepresentable: "any" }) as Json) : { type: "string" },
    })),
    ...Object.entries(op.headers ?? {}).map(([name, description]) => ({
      name,
      in: "header",
      required: false,
      description,
      schema: { type: "string" },
    })),
  ];
  const responses: Json = {};
  for (const a of op.answers) {
    responses[String(a.status)] = {
      description: a.description,
      ...(a.schema
        ? { content: { "application/json": { schema: answerSchema(a.schema) } } }
        : a.media
          ? { content: { [a.media]: { schema: { type: "string" } } } }
          : {}),
    };
  }
  for (const status of errorStatuses(op)) {
    responses[String(status)] = {
      description: ERRORS[status],
      content: { "application/json": { schema: ERROR_REF } },
    };
  }
  responses.default = {
    description: "Any other error, with the same envelope.",
    content: { "application/json": { schema: ERROR_REF } },
  };
  const description = [op.description, ACCESS_NOTE[op.access]].filter(Boolean).join("\n\n");
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    ...(description ? { description } : {}),
    security: SECURITY[op.access],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: clean(z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) as Json) } },
          },
        }
      : {}),
    responses,
  };
}

/** A stable, readable id: method and path words, e.g. postOrgsBoostsAccept. */
export function operationId(op: Pick<Operation, "method" | "path">): string {
  const words = op.path
    .replace(/^\/api\//, "")
    .split(/[/.-]/)
    .filter((w) => w && !w.startsWith(":"));
  const camel = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  const params = [...op.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).filter((p) => p !== "org");
  return `${op.method.toLowerCase()}${camel}${params.length ? "By" + params.map((p) => p[0].toUpperCase() + p.slice(1)).join("And") : ""}`;
}

/** An answer's schema: a $ref when it is a named component, else inline. */
function answerSchema(schema: z.ZodType): Json {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id === "string") return { $ref: `#/components/schemas/${id}` };
  return clean(z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Json);
}

/**
 * Every named schema (`.meta({ id })`), as components that refer to each other by $ref. The
 * answers name theirs; the error envelope is one of them.
 */
function components(): Json {
  const out = z.toJSONSchema(z.globalRegistry, { io: "output", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(out.schemas).map(([id, s]) => [id, clean(s as Json)]));
}

let cached: Json | null = null;

/** The document; built once per isolate (it depends on code only). */
export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const path = openApiPath(op.path);
    paths[path] = { ...(paths[path] ?? {}), [op.method.toLowerCase()]: operationObject(op) };
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Mistvine API",
      version: "1",
      description:
        "The JSON API the Mistvine pages use, for scripts and integrations. Org routes take the browser's session cookie or `Authorization: Bearer mvt_…` (an API token an admin creates on /o/{org}/integrations). Every error answers with the same envelope. Anonymous figures (pulse, campaigns) are published and suppressed exactly as on the pages.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "__Host-mv_session", description: "The session a sign-in link starts (browsers)." },
        token: { type: "http", scheme: "bearer", description: "An org API token, mvt_…; read-only tokens may only GET." },
      },
    },
  };
  return cached;
}
