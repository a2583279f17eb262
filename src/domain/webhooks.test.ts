import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_ATTEMPTS, nextWebhookRetryAt, signedContent, webhookUrlProblem } from "./webhooks";

describe("webhookUrlProblem in production", () => {
  it.each(["https://hooks.example.com/mistvine", "https://203.0.113.9/hook", "https://hooks.example.com:8443/x?y=1"])(
    "allows %s",
    (url) => {
      expect(webhookUrlProblem(url, true)).toBeNull();
    },
  );

  it.each([
    ["http://hooks.example.com/x", "https://"],
    ["ftp://hooks.example.com/x", "https://"],
    ["https://localhost/x", "public address"],
    ["https://app.localhost/x", "public address"],
    ["https://printer.local/x", "public address"],
    ["https://intranet/x", "public address"],
    ["https://127.0.0.1/x", "public address"],
    ["https://127.1.2.3/x", "public address"],
    ["https://10.0.0.8/x", "public address"],
    ["https://172.16.4.1/x", "public address"],
    ["https://172.31.255.255/x", "public address"],
    ["https://192.168.1.10/x", "public address"],
    ["https://169.254.169.254/latest/meta-data", "public address"],
    ["https://100.64.0.1/x", "public address"],
    ["https://0.0.0.0/x", "public address"],
    ["https://[::1]/x", "public address"],
    ["https://[fd12:3456::1]/x", "public address"],
    ["https://[fe80::1]/x", "public address"],
    ["https://[::ffff:127.0.0.1]/x", "public address"],
    ["https://2130706433/x", "public address"],
    ["https://0x7f000001/x", "public address"],
    ["https://user:pass@hooks.example.com/x", "passwords"],
    ["not a url", "full URL"],
  ])("refuses %s", (url, says) => {
    expect(webhookUrlProblem(url, true)).toContain(says);
  });
});

describe("webhookUrlProblem locally", () => {
  it("allows http and loopback, so a developer can receive deliveries", () => {
    expect(webhookUrlProblem("http://127.0.0.1:8899/hook", false)).toBeNull();
    expect(webhookUrlProblem("http://localhost:8899/hook", false)).toBeNull();
    expect(webhookUrlProblem("ftp://127.0.0.1/hook", false)).toContain("https://");
  });
});

describe("nextWebhookRetryAt", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it("backs off 1, 2, 4, 8, 16 minutes, then gives up", () => {
    const delays = [1, 2, 3, 4, 5].map((a) => ((nextWebhookRetryAt(a, now)?.getTime() ?? 0) - now.getTime()) / 60_000);
    expect(delays).toEqual([1, 2, 4, 8, 16]);
    expect(nextWebhookRetryAt(MAX_WEBHOOK_ATTEMPTS, now)).toBeNull();
  });
});

describe("signedContent", () => {
  it("is id, timestamp and body joined with dots (Standard Webhooks)", () => {
    expect(signedContent("msg_1", 1700000000, '{"a":1}')).toBe('msg_1.1700000000.{"a":1}');
  });
});
