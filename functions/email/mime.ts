/**
 * Builds an RFC 5322 multipart/alternative message (plain text first, then HTML) as the raw
 * source handed to Cloudflare's send_email binding. Parts are base64 in 76-character lines.
 */

export interface MimeInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers such as List-Unsubscribe; values must be ASCII. */
  headers: Record<string, string>;
  messageId: string;
  date: Date;
}

const CRLF = "\r\n";

function base64Utf8(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function wrap76(value: string): string {
  return value.replace(/.{1,76}/g, (line) => line + CRLF).trimEnd();
}

/** RFC 2047 encoded-word for a header value that is not plain ASCII. */
export function encodeHeaderValue(value: string): string {
  const clean = value.replace(/[\r\n]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  return `=?UTF-8?B?${base64Utf8(clean)}?=`;
}

/** "Name <a@b>" with a non-ASCII display name encoded; a bare address stays as is. */
function encodeAddress(value: string): string {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  if (!m || !m[1]) return value.trim();
  return `${encodeHeaderValue(m[1].replace(/^"|"$/g, ""))} <${m[2]}>`;
}

/** The bare address from "Name <a@b>" or "a@b". */
export function addressOnly(value: string): string {
  const m = /<([^>]+)>/.exec(value);
  return (m ? m[1] : value).trim();
}

export function buildMime(input: MimeInput, boundary: string): string {
  const headers: [string, string][] = [
    ["From", encodeAddress(input.from)],
    ["To", input.to],
    ["Subject", encodeHeaderValue(input.subject)],
    ["Date", input.date.toUTCString().replace("GMT", "+0000")],
    ["Message-ID", input.messageId],
    ["MIME-Version", "1.0"],
    ...Object.entries(input.headers).map(([k, v]): [string, string] => [k, v.replace(/[\r\n]+/g, " ")]),
    ["Content-Type", `multipart/alternative; boundary="${boundary}"`],
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, "Content-Transfer-Encoding: base64", "", wrap76(base64Utf8(body))].join(CRLF);
  return [
    ...headers.map(([k, v]) => `${k}: ${v}`),
    "",
    part("text/plain", input.text),
    part("text/html", input.html),
    `--${boundary}--`,
    "",
  ].join(CRLF);
}
