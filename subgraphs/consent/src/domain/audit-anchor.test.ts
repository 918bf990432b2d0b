import { describe, expect, it } from "vitest";
import { generateSealKey } from "../services/seal-keys.js";
import { missedAnchor, readAnchor, signAnchor } from "./audit-anchor.js";

describe("audit anchors", () => {
  const anchor = { batch: "7", head: "ab".repeat(32), at: "2026-12-03T08:00:00.000Z" };

  it("reads back what a platform key signed, and refuses another key's or a changed statement", async () => {
    const key = await generateSealKey();
    const jws = await signAnchor(anchor, key);
    expect(await readAnchor(jws, [key])).toEqual(anchor);
    await expect(readAnchor(jws, [await generateSealKey()])).rejects.toThrow();
    const [header, , signature] = jws.split(".");
    const forged = Buffer.from(JSON.stringify({ ...anchor, batch: "6" })).toString("base64url");
    await expect(readAnchor(`${header}.${forged}.${signature}`, [key])).rejects.toThrow();
  });

  it("finds the chain reaching the anchor, ending before it, or rewritten at it", () => {
    expect(missedAnchor(anchor.head, anchor)).toBeNull();
    expect(missedAnchor(null, anchor)).toMatch(/ends before the latest anchor \(batch 7/);
    expect(missedAnchor("00".repeat(32), anchor)).toMatch(/rewritten/);
  });
});
