import { describe, expect, it } from "vitest";
import { chain, chainHash, GENESIS_HASH, verifyChain, type AuditFacts, type ChainedAuditEntry } from "./audit-chain.js";

const facts = (action: string, minute: number): AuditFacts => ({
  occurredAt: new Date(Date.UTC(2026, 10, 23, 12, minute)),
  actorKind: "CASEWORKER",
  actorId: "cw-1",
  actorAuthorityId: "a-1",
  action,
  consentId: "c-1",
  subjectId: "s-1",
  authorityId: "a-1",
  purpose: "SAG-1",
  requestId: "r-1",
});

function log(): ChainedAuditEntry[] {
  const entries = [facts("read", 1), facts("check", 2), facts("withdraw", 3)];
  return chain(GENESIS_HASH, entries).map((link, index) => ({ ...entries[index]!, ...link, id: String(index + 1) }));
}

describe("the audit chain", () => {
  it("links each entry to the one before and verifies a log left alone", () => {
    const entries = log();
    expect(entries[0]!.previousHash).toBe(GENESIS_HASH);
    expect(entries[1]!.previousHash).toBe(entries[0]!.hash);
    expect(verifyChain(entries)).toEqual({ intact: true, checked: 3, lastHash: entries[2]!.hash });
  });

  it("finds a changed entry", () => {
    const entries = log();
    entries[1] = { ...entries[1]!, purpose: "SAG-2" };
    expect(verifyChain(entries)).toMatchObject({ intact: false, brokenAt: "2", checked: 1, why: expect.stringContaining("changed") });
  });

  it("finds a removed entry and a re-hashed forgery after it", () => {
    const entries = log();
    expect(verifyChain([entries[0]!, entries[2]!])).toMatchObject({ intact: false, brokenAt: "3", why: expect.stringContaining("removed") });
    // Rewriting an entry with a fresh hash still breaks the link to the next one.
    const { id, previousHash, hash: _hash, ...changed } = { ...entries[1]!, purpose: "SAG-2" };
    const forged = { ...changed, id, previousHash, hash: chainHash(previousHash, changed) };
    expect(verifyChain([entries[0]!, forged, entries[2]!])).toMatchObject({ intact: false, brokenAt: "3" });
  });

  it("hashes the same facts the same whatever the key order", () => {
    const { action, ...rest } = facts("read", 1);
    expect(chainHash(GENESIS_HASH, { action, ...rest })).toBe(chainHash(GENESIS_HASH, { ...rest, action }));
  });
});
