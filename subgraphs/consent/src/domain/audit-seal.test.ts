import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { batchHead, GENESIS_HEAD, leafHash, merkleRoot, personalState, sealBatch, verifyBatch, withPersonalSeal, type AuditBatch, type AuditEntry } from "./audit-seal.js";

const entry = (id: number, action: string): AuditEntry => ({ id: String(id), ...withPersonalSeal(facts(id, action)) });
/** An entry written before the personal part was sealed apart: hashed whole. */
const wholeEntry = (id: number, action: string): AuditEntry => ({ id: String(id), ...facts(id, action), personalDigest: null, personalSalt: null });
const facts = (id: number, action: string) => ({
  occurredAt: new Date(Date.UTC(2026, 10, 23, 12, id)),
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

const first = [entry(1, "read"), entry(2, "check"), entry(3, "withdraw")];
const second = [entry(4, "read"), entry(6, "give")];
function sealed(): { batches: AuditBatch[] } {
  const one = { ...sealBatch(null, "100", first), id: "1" };
  const two = { ...sealBatch(one, "120", second), id: "2" };
  return { batches: [one, two] };
}
const start = { head: GENESIS_HEAD, horizon: "0" };

describe("the sealed audit log", () => {
  it("seals batches whose heads chain, and verifies a log left alone", () => {
    const [one, two] = sealed().batches;
    expect(two!.previousHead).toBe(one!.head);
    expect(two!.previousHorizon).toBe("100");
    expect(verifyBatch(start, one!, first)).toEqual({ intact: true });
    expect(verifyBatch(one!, two!, second)).toEqual({ intact: true });
  });

  it("computes RFC 6962 Merkle roots (leaf and node prefixes, split at the largest power of two)", () => {
    const h = (...parts: Buffer[]) => createHash("sha256").update(Buffer.concat(parts)).digest();
    const leaves = ["a", "b", "c"].map((x) => h(Buffer.from([0]), Buffer.from(x)));
    const expected = h(Buffer.from([1]), h(Buffer.from([1]), leaves[0]!, leaves[1]!), leaves[2]!).toString("hex");
    expect(merkleRoot(leaves.map((leaf) => leaf.toString("hex")))).toBe(expected);
    expect(merkleRoot([leaves[0]!.toString("hex")])).toBe(leaves[0]!.toString("hex"));
  });

  it("names an entry changed behind the seal", () => {
    const [one] = sealed().batches;
    const changed = [first[0]!, { ...first[1]!, purpose: "SAG-2" }, first[2]!];
    expect(verifyBatch(start, one!, changed)).toMatchObject({ intact: false, brokenAt: "entry 2", why: expect.stringContaining("changed") });
  });

  it("finds an entry removed, one added to a sealed batch, and two swapped", () => {
    const [one] = sealed().batches;
    expect(verifyBatch(start, one!, [first[0]!, first[1]!])).toMatchObject({ intact: false, brokenAt: "batch 1, entry 3 of 3", why: expect.stringContaining("removed") });
    expect(verifyBatch(start, one!, [])).toMatchObject({ intact: false, brokenAt: "batch 1, entry 1 of 3" });
    expect(verifyBatch(start, one!, [first[0]!, first[2]!])).toMatchObject({ intact: false, brokenAt: "entry 3" });
    expect(verifyBatch(start, one!, [...first, entry(5, "read")])).toMatchObject({ intact: false, brokenAt: "entry 5", why: expect.stringContaining("added") });
    // The same facts under each other's ids: reordered.
    const swapped = [first[0]!, { ...first[2]!, id: "2" }, { ...first[1]!, id: "3" }];
    expect(verifyBatch(start, one!, swapped)).toMatchObject({ intact: false, brokenAt: "entry 2" });
  });

  it("finds a batch removed, or changed even with its head recomputed", () => {
    const [one, two] = sealed().batches;
    expect(verifyBatch(start, two!, second)).toMatchObject({ intact: false, brokenAt: "batch 2", why: expect.stringContaining("removed") });
    const forged = entry(1, "nothing");
    const forgedLeaves = { ...one!, leaves: leafHash(forged) + one!.leaves.slice(64) };
    expect(verifyBatch(start, forgedLeaves, first)).toMatchObject({ intact: false, why: expect.stringContaining("root") });
    const rerooted = { ...forgedLeaves, root: merkleRoot(forgedLeaves.leaves.match(/.{64}/g)!) };
    const reheaded = { ...rerooted, head: batchHead(rerooted) };
    // A forger who recomputes the whole batch still breaks the chain to the next one.
    expect(verifyBatch(start, reheaded, [forged, first[1]!, first[2]!])).toEqual({ intact: true });
    expect(verifyBatch(reheaded, two!, second)).toMatchObject({ intact: false, brokenAt: "batch 2" });
  });

  it("verifies an entry whose personal part was erased, and finds one changed instead", () => {
    const [one] = sealed().batches;
    const erased = { ...first[1]!, actorId: null, subjectId: null, purpose: null, personalSalt: null };
    expect(personalState(erased)).toBe("erased");
    expect(verifyBatch(start, one!, [first[0]!, erased, first[2]!])).toEqual({ intact: true });
    // A person put in place of another, or the salt dropped with the person left: neither is an erasure.
    const otherPerson = { ...first[1]!, subjectId: "s-2" };
    expect(verifyBatch(start, one!, [first[0]!, otherPerson, first[2]!])).toMatchObject({ intact: false, brokenAt: "entry 2", why: expect.stringContaining("personal part") });
    const halfErased = { ...erased, subjectId: "s-1" };
    expect(verifyBatch(start, one!, [first[0]!, halfErased, first[2]!])).toMatchObject({ intact: false, brokenAt: "entry 2" });
    // The digest itself is under the seal.
    const redigested = { ...erased, personalDigest: "0".repeat(64) };
    expect(verifyBatch(start, one!, [first[0]!, redigested, first[2]!])).toMatchObject({ intact: false, brokenAt: "entry 2", why: expect.stringContaining("sealed hash") });
  });

  it("keeps verifying entries sealed whole before, which cannot be erased", () => {
    const old = [wholeEntry(1, "read"), wholeEntry(2, "give")];
    const batch = { ...sealBatch(null, "50", old), id: "1" };
    expect(verifyBatch(start, batch, old)).toEqual({ intact: true });
    expect(personalState(old[0]!)).toBe("whole");
    expect(verifyBatch(start, batch, [old[0]!, { ...old[1]!, subjectId: null, actorId: null, purpose: null }])).toMatchObject({ intact: false, brokenAt: "entry 2" });
  });

  it("hashes the same facts the same whatever the key order", () => {
    const { action, ...rest } = entry(1, "read");
    expect(leafHash({ action, ...rest })).toBe(leafHash({ ...rest, action }));
  });
});
