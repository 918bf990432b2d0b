import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redactCpr } from "./logger.js";

describe("redactCpr", () => {
  it.each(["0101804321", "010180-4321", "cpr=0101804321;", "borger 010180-4321 fik"])("hides the CPR number in %j", (text) => {
    expect(redactCpr(text)).not.toMatch(/\d{6}-?\d{4}/);
    expect(redactCpr(text)).toContain("[CPR]");
  });

  it("leaves longer numbers and ordinary text alone", () => {
    expect(redactCpr("order 123456789012 at 10:15")).toBe("order 123456789012 at 10:15");
  });
});

describe("createLogger", () => {
  it("writes JSON lines with no CPR number in messages, fields, nested objects or errors", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    const logger = createLogger("test", "info", destination as never);
    logger.info({ cpr: "0101804321", nested: { note: "for 010180-4321" }, list: ["0101804321"] }, "looked up 0101804321");
    logger.error({ err: new Error("no citizen 0101804321") }, "failed");
    const all = lines.join("");
    expect(all).not.toMatch(/0101804321|010180-4321/);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ service: "test", msg: "looked up [CPR]", nested: { note: "for [CPR]" } });
    expect(JSON.parse(lines[1]!).err.message).toBe("no citizen [CPR]");
  });
});
