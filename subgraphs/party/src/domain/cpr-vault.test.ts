import { describe, expect, it } from "vitest";
import { CprVault } from "./cpr-vault.js";

const vault = new CprVault("a-test-key-that-is-long-enough-for-hkdf-0001");

describe("CprVault", () => {
  it("decrypts what it encrypted, and no ciphertext reveals the number or repeats", () => {
    const first = vault.encrypt("0101804321");
    const second = vault.encrypt("0101804321");
    expect(vault.decrypt(first)).toBe("0101804321");
    expect(first).not.toBe(second);
    expect(Buffer.from(first, "base64").toString("latin1")).not.toContain("0101804321");
  });

  it("gives one stable look-up hash per number, which depends on the key", () => {
    expect(vault.lookupHash("0101804321")).toBe(vault.lookupHash("0101804321"));
    expect(vault.lookupHash("0101804321")).not.toBe(vault.lookupHash("0101804322"));
    expect(new CprVault("another-key-that-is-long-enough-for-hkdf-0002").lookupHash("0101804321")).not.toBe(vault.lookupHash("0101804321"));
  });

  it("detects a tampered ciphertext", () => {
    const sealed = Buffer.from(vault.encrypt("0101804321"), "base64");
    sealed[sealed.length - 1]! ^= 1;
    expect(() => vault.decrypt(sealed.toString("base64"))).toThrow();
  });

  it("refuses a short key", () => {
    expect(() => new CprVault("short")).toThrow(/at least 32/);
  });
});
