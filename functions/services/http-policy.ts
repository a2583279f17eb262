/**
 * HTTP-level policy shared by every route: CSRF defence, the body size cap and the security
 * headers. Scripts come only from our own origin (Astro bundles every <script> into /_astro
 * files), so the CSP needs no 'unsafe-inline' for scripts. Styles allow inline attributes
 * because bars and markers are positioned with style="width:…".
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Largest request body any page or endpoint accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function securityHeaders(contentType: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    // Pulse and campaign links carry their token in the path; never leak it to other sites.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (!contentType || contentType.includes("text/html")) {
    headers["Content-Security-Policy"] = CSP;
    headers["X-Frame-Options"] = "DENY";
  }
  return headers;
}

function refuse(url: URL, status: 403 | 413, code: string, message: string): Response {
  if (url.pathname.startsWith("/api/")) {
    return Response.json({ error: { code, message, details: [] } }, { status, headers: securityHeaders("application/json") });
  }
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Request refused · Mistvine</title></head><body><main><h1>Request refused</h1><p>${message}</p><p><a href="/">Go to the home page</a></p></main></body></html>`;
  return new Response(page, { status, headers: { "content-type": "text/html; charset=utf-8", ...securityHeaders("text/html") } });
}

/**
 * Refuses a state-changing request that a browser sent from another site (Origin or
 * Sec-Fetch-Site says so), and any body declared larger than MAX_BODY_BYTES. Returns null
 * when the request may proceed.
 */
export function checkRequestPolicy(request: Request, url: URL): Response | null {
  if (!UNSAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if ((origin !== null && origin !== url.origin) || site === "cross-site") {
    return refuse(
      url,
      403,
      "forbidden",
      "This form was sent from another website. Open the page on Mistvine itself and send it from there.",
    );
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) {
    return refuse(url, 413, "payload_too_large", `The request is larger than ${MAX_BODY_BYTES / 1024} KB. Shorten the text and try again.`);
  }
  return null;
}
