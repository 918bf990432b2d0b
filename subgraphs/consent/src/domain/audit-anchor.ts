import { compactVerify, CompactSign, createLocalJWKSet, importJWK, type JWK } from "jose";
import { publicJwk, type SealKey } from "./consent-document.js";

/**
 * A signed statement that the audit log's chain of batches reached this head: kept outside the
 * database (an append-only file, a write-once bucket), with a key the database does not hold, so
 * removing or rewriting the newest batches, which leaves a shorter chain that verifies, shows.
 */
export interface AuditAnchor {
  /** The id of the last batch it covers, and that batch's head. */
  batch: string;
  head: string;
  /** When it was made. */
  at: string;
}

const ANCHOR_TYPE = "samtykke-audit-anchor+jws";

export async function signAnchor(anchor: AuditAnchor, key: SealKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(anchor)))
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: ANCHOR_TYPE })
    .sign(await importJWK(key.privateJwk, "ES256"));
}

/** The anchor in a signed statement, if a key of the platform signed it; throws otherwise. */
export async function readAnchor(jws: string, keys: readonly SealKey[]): Promise<AuditAnchor> {
  const jwks = createLocalJWKSet({ keys: keys.map(publicJwk) as JWK[] });
  const { payload, protectedHeader } = await compactVerify(jws, jwks);
  if (protectedHeader.typ !== ANCHOR_TYPE) throw new Error("not an audit anchor");
  return JSON.parse(new TextDecoder().decode(payload)) as AuditAnchor;
}

/**
 * Whether the chain of batches the database holds reaches the anchor: `headThere` is the head of
 * the batch with the anchored id as the chain has it (null when the chain has no such batch). Null
 * when it does; else why not.
 */
export function missedAnchor(headThere: string | null, anchor: AuditAnchor): string | null {
  if (headThere === null) return `the log ends before the latest anchor (batch ${anchor.batch}, head ${anchor.head.slice(0, 12)}…, anchored ${anchor.at}): its newest batches were removed`;
  if (headThere !== anchor.head) return `batch ${anchor.batch} is not the one anchored ${anchor.at} (head ${anchor.head.slice(0, 12)}…): the log was rewritten`;
  return null;
}
