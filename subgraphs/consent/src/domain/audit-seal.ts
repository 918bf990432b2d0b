import { createHash, randomUUID } from "node:crypto";
import canonicalize from "canonicalize";

/** What an audit entry says: who did what to which consent, for which authority, when and why. */
export interface AuditFacts {
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  /** The caller's authority (caseworkers and case systems); null for citizens and the platform. */
  actorAuthorityId: string | null;
  action: string;
  consentId: string | null;
  subjectId: string | null;
  /** The authority holding the consent. */
  authorityId: string | null;
  /** Why: the case reference, the operation, or the caseworker's words. */
  purpose: string | null;
  requestId: string | null;
}

/**
 * The personal part of an entry (who acted, whom it concerns, the words given), sealed through a
 * salted digest: the leaf hashes the digest, so the part can be erased when the consent's retention
 * has passed and the entry still verifies. Both null on entries from before, sealed whole.
 */
export interface PersonalSeal {
  personalDigest: string | null;
  /** Null once erased (with the personal part). */
  personalSalt: string | null;
}

export interface AuditEntry extends AuditFacts, PersonalSeal {
  id: string;
}

type Personal = Pick<AuditFacts, "actorId" | "subjectId" | "purpose">;

export function personalDigest(salt: string, personal: Personal): string {
  return sha256(salt, canonicalize({ actorId: personal.actorId, subjectId: personal.subjectId, purpose: personal.purpose })!).toString("hex");
}

/** An entry to write: its facts with a fresh salt and the digest of its personal part. */
export function withPersonalSeal(facts: AuditFacts): AuditFacts & PersonalSeal {
  const personalSalt = randomUUID();
  return { ...facts, personalSalt, personalDigest: personalDigest(personalSalt, facts) };
}

/** Kept (and matching its digest), erased (nothing personal left), from before (sealed whole), or changed. */
export function personalState(entry: AuditEntry): "kept" | "erased" | "whole" | "changed" {
  if (entry.personalDigest === null) return entry.personalSalt === null ? "whole" : "changed";
  if (entry.personalSalt === null) return entry.actorId === null && entry.subjectId === null && entry.purpose === null ? "erased" : "changed";
  return personalDigest(entry.personalSalt, entry) === entry.personalDigest ? "kept" : "changed";
}

/**
 * A sealed batch: every entry written by the transactions in [previousHorizon, horizon) (all of
 * them finished when it was sealed), in id order, as Merkle leaves under one root; its head chains
 * the root to the head of the batch before, as a Certificate Transparency log's tree heads do.
 */
export interface AuditBatch {
  id: string;
  previousHorizon: string;
  horizon: string;
  size: number;
  /** Each entry's leaf hash, in order (64 hex characters each), so a verifier can name the entry that changed. */
  leaves: string;
  root: string;
  previousHead: string;
  head: string;
}

/** The head the first batch chains to. */
export const GENESIS_HEAD = "0".repeat(64);

const sha256 = (...parts: (string | Buffer)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/**
 * RFC 6962's leaf hash of an entry's id and facts (RFC 8785 canonical JSON), so neither can move
 * without showing; the personal part counts through its digest (entries from before: whole).
 */
export function leafHash(entry: AuditEntry): string {
  const { personalDigest: digest, personalSalt, actorId, subjectId, purpose, ...rest } = entry;
  const occurredAt = entry.occurredAt.toISOString();
  const content = canonicalize(digest === null ? { ...rest, actorId, subjectId, purpose, occurredAt } : { ...rest, occurredAt, personalDigest: digest })!;
  return sha256(Buffer.from([0]), Buffer.from(content, "utf8")).toString("hex");
}

/** RFC 6962's Merkle tree hash over leaf hashes (hex). */
export function merkleRoot(leaves: readonly string[]): string {
  const tree = (nodes: readonly Buffer[]): Buffer => {
    if (nodes.length === 1) return nodes[0]!;
    // The largest power of two smaller than the count splits the tree, as RFC 6962 2.1 says.
    let split = 1;
    while (split * 2 < nodes.length) split *= 2;
    return sha256(Buffer.from([1]), tree(nodes.slice(0, split)), tree(nodes.slice(split)));
  };
  return leaves.length ? tree(leaves.map((leaf) => Buffer.from(leaf, "hex"))).toString("hex") : sha256("").toString("hex");
}

type HeadFields = Pick<AuditBatch, "previousHorizon" | "horizon" | "size" | "root" | "previousHead">;

export function batchHead(fields: HeadFields): string {
  const { previousHorizon, horizon, size, root, previousHead } = fields;
  return sha256(canonicalize({ previousHorizon, horizon, size, root, previousHead })!).toString("hex");
}

/** Seals entries (in id order) as the batch after `previous`. */
export function sealBatch(previous: Pick<AuditBatch, "horizon" | "head"> | null, horizon: string, entries: readonly AuditEntry[]): Omit<AuditBatch, "id"> {
  const leaves = entries.map(leafHash);
  const fields = { previousHorizon: previous?.horizon ?? "0", horizon, size: entries.length, root: merkleRoot(leaves), previousHead: previous?.head ?? GENESIS_HEAD };
  return { ...fields, leaves: leaves.join(""), head: batchHead(fields) };
}

export type AuditVerdict =
  | { intact: true; batches: number; entries: number; head: string; horizon: string; erased: number }
  | { intact: false; batches: number; entries: number; brokenAt: string; why: string };

/**
 * Checks one batch against the one before it and against the entries the database holds for its
 * range (in id order). The first thing that does not fit is named: an entry changed, removed,
 * added or moved, or a batch changed or removed.
 */
export function verifyBatch(
  previous: { head: string; horizon: string },
  batch: AuditBatch,
  entries: readonly AuditEntry[],
): { intact: true } | { intact: false; brokenAt: string; why: string } {
  const where = `batch ${batch.id}`;
  if (batch.previousHead !== previous.head || batch.previousHorizon !== previous.horizon) {
    return { intact: false, brokenAt: where, why: "it does not follow the batch before it (a batch was removed or changed)" };
  }
  if (batch.head !== batchHead(batch)) return { intact: false, brokenAt: where, why: "its head does not match its contents (the batch was changed)" };
  const leaves = batch.leaves.match(/.{64}/g) ?? [];
  if (leaves.length !== batch.size || merkleRoot(leaves) !== batch.root) {
    return { intact: false, brokenAt: where, why: "its leaves do not match its root (the batch was changed)" };
  }
  for (let index = 0; index < Math.max(leaves.length, entries.length); index += 1) {
    const entry = entries[index];
    if (!entry) return { intact: false, brokenAt: `${where}, entry ${index + 1} of ${leaves.length}`, why: "an entry it sealed is missing (removed)" };
    if (index >= leaves.length) return { intact: false, brokenAt: `entry ${entry.id}`, why: "it was added to a batch already sealed" };
    if (leafHash(entry) !== leaves[index]) return { intact: false, brokenAt: `entry ${entry.id}`, why: "its content does not match its sealed hash (the entry was changed, moved or one before it removed)" };
    if (personalState(entry) === "changed") return { intact: false, brokenAt: `entry ${entry.id}`, why: "its personal part does not match its sealed digest (changed, not erased)" };
  }
  return { intact: true };
}
