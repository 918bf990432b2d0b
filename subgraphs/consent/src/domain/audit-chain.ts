import { createHash } from "node:crypto";
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

export interface ChainedAuditEntry extends AuditFacts {
  id: string;
  previousHash: string;
  hash: string;
}

/** The hash the first entry chains to. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Each entry's hash covers its facts and the hash of the entry before it (RFC 8785 canonical JSON,
 * SHA-256), so changing, removing or reordering any entry breaks every hash after it.
 */
export function chainHash(previousHash: string, facts: AuditFacts): string {
  const content = canonicalize({ ...facts, occurredAt: facts.occurredAt.toISOString(), previousHash })!;
  return createHash("sha256").update(content, "utf8").digest("hex");
}

/** Links facts onto the chain after `previousHash`, in order. */
export function chain(previousHash: string, entries: readonly AuditFacts[]): { previousHash: string; hash: string }[] {
  let last = previousHash;
  return entries.map((facts) => {
    const link = { previousHash: last, hash: chainHash(last, facts) };
    last = link.hash;
    return link;
  });
}

export type ChainVerdict = { intact: true; checked: number; lastHash: string } | { intact: false; checked: number; brokenAt: string; why: string };

/** Walks entries in id order from `previousHash`; the first entry that does not fit is where the log was changed. */
export function verifyChain(entries: Iterable<ChainedAuditEntry>, previousHash = GENESIS_HASH, alreadyChecked = 0): ChainVerdict {
  let last = previousHash;
  let checked = alreadyChecked;
  for (const entry of entries) {
    const { id, previousHash: claimed, hash, ...facts } = entry;
    if (claimed !== last) return { intact: false, checked, brokenAt: id, why: "its previous hash is not the hash of the entry before it (an entry was removed or reordered)" };
    if (chainHash(claimed, facts) !== hash) return { intact: false, checked, brokenAt: id, why: "its content does not match its hash (the entry was changed)" };
    last = hash;
    checked += 1;
  }
  return { intact: true, checked, lastHash: last };
}
