import { describe, expect, it } from "vitest";
import { backoffSeconds, signWebhook, validateWebhookUrl, verifyWebhook, WEBHOOK_TOLERANCE_SECONDS } from "./webhook.js";

const at = new Date("2026-11-23T12:00:00Z");

describe("webhook signatures", () => {
  it("verify for the right secret and body, and not for another, a changed body or a stale timestamp", () => {
    const header = signWebhook("s3cret", '{"cursor":"1"}', at);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook("s3cret", '{"cursor":"1"}', header, at)).toBe(true);
    expect(verifyWebhook("other", '{"cursor":"1"}', header, at)).toBe(false);
    expect(verifyWebhook("s3cret", '{"cursor":"2"}', header, at)).toBe(false);
    expect(verifyWebhook("s3cret", '{"cursor":"1"}', header, new Date(at.getTime() + (WEBHOOK_TOLERANCE_SECONDS + 1) * 1000))).toBe(false);
  });

  it("back off 1, 2, 4 … seconds, at most five minutes", () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([1, 2, 4, 8]);
    expect(backoffSeconds(30)).toBe(300);
  });

  it("take https, and plain http only on loopback when allowed", () => {
    expect(validateWebhookUrl("https://fagsystem.example/hook", false)).toBe("https://fagsystem.example/hook");
    expect(validateWebhookUrl("http://127.0.0.1:9/hook", true)).toBe("http://127.0.0.1:9/hook");
    expect(() => validateWebhookUrl("http://127.0.0.1:9/hook", false)).toThrow(expect.objectContaining({ details: { field: "url" } }));
    expect(() => validateWebhookUrl("not a url", true)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });
});
