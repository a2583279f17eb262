/**
 * Webhook rules, pure: which events exist, which endpoint URLs are allowed, and the Standard
 * Webhooks signing input (https://www.standardwebhooks.com/). No I/O, no clock.
 */

export const WEBHOOK_EVENTS = [
  "ppp.submitted",
  "boost.created",
  "boost.accepted",
  "boost.declined",
  "boost.resolved",
  "wave.started",
  "wave.completed",
  "kr.checked_in",
  "campaign.closed",
  "pulse.week_published",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** Attempts before a delivery is marked failed for good, and the first retry's delay (doubles). */
export const MAX_WEBHOOK_ATTEMPTS = 6;
export const FIRST_WEBHOOK_RETRY_MINUTES = 1;

/** When to try a delivery again after `attempts` failed attempts (1, 2, 4, 8, 16 minutes), or null when done. */
export function nextWebhookRetryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_WEBHOOK_ATTEMPTS) return null;
  return new Date(now.getTime() + FIRST_WEBHOOK_RETRY_MINUTES * 2 ** Math.max(0, attempts - 1) * 60_000);
}

/** True for an IPv4 address in a private, loopback, link-local, CGNAT, multicast or reserved range. */
function privateIpv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

/** True for an IPv6 literal that is loopback, unspecified, unique-local, link-local or maps a private IPv4. */
function privateIpv6(host: string): boolean {
  if (!host.startsWith("[")) return false;
  const h = host.slice(1, -1).toLowerCase();
  if (h === "::1" || h === "::") return true;
  if (/^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith("ff")) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped) return privateIpv4(mapped[1]);
  // ::ffff:7f00:1 and other hex forms of mapped or compatible addresses: refuse them all.
  return h.startsWith("::ffff:") || /^::[0-9a-f]/.test(h);
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/**
 * Why an endpoint URL is refused, or null when it is allowed. In production only https to a
 * public host name or address; locally (development and tests) http and loopback are fine too,
 * so a developer can receive deliveries on their machine.
 */
export function webhookUrlProblem(raw: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://hooks.example.com/mistvine.";
  }
  if (url.username || url.password) return "Leave user names and passwords out of the URL; verify the signature instead.";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !production)) return "The URL must start with https://.";
  if (!production) return null;
  const host = url.hostname;
  if (LOCAL_NAMES.test(host) || !host.includes(".") || privateIpv4(host) || privateIpv6(host) || /^\d+$/.test(host) || /^0x/i.test(host)) {
    return "The URL must point at a public address, not a private, loopback or local one.";
  }
  return null;
}

/** The signed content of a delivery (Standard Webhooks): `{id}.{timestamp}.{body}`. */
export function signedContent(id: string, timestampSeconds: number, body: string): string {
  return `${id}.${timestampSeconds}.${body}`;
}
