import type { EntityManager } from "@mikro-orm/postgresql";
import { rowsToRead, type Logger } from "@samtykke/server-kit";
import { missedAnchor, type AuditAnchor } from "../domain/audit-anchor.js";
import { GENESIS_HEAD, personalState, sealBatch, verifyBatch, type AuditEntry, type AuditVerdict } from "../domain/audit-seal.js";
import { AuditBatchEntity } from "../entities/audit-batch.entity.js";
import { AuditEntryEntity } from "../entities/audit-entry.entity.js";

/** Only sealers take it, never a request: one instance seals at a time, the others skip their turn. */
export const AUDIT_SEAL_LOCK = 7_245_002;
const MAX_BATCH = 5_000;
const ENTRY_FIELDS = ["id", "occurredAt", "actorKind", "actorId", "actorAuthorityId", "action", "consentId", "subjectId", "authorityId", "purpose", "requestId", "personalDigest", "personalSalt"] as const;
/** The action of the entry that records a consent's personal data erased (services/retention.ts). */
export const ERASE_ACTION = "erase";

/**
 * Seals the audit entries of every transaction that has finished since the last batch. The
 * horizon is the oldest transaction still running (`pg_snapshot_xmin`): everything below it has
 * committed or never will, so a batch is complete when sealed, however commits interleave.
 * Returns how many entries it sealed (0 when another instance holds the turn or nothing is new).
 */
export async function sealAuditBatch(em: EntityManager, now: Date): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const [turn] = await tx.execute<{ locked: boolean }[]>("select pg_try_advisory_xact_lock(?) as locked", [AUDIT_SEAL_LOCK]);
    if (!turn!.locked) return 0;
    const [previous] = await tx.find(AuditBatchEntity, {}, { orderBy: { id: "desc" }, limit: 1 });
    const from = previous?.horizon ?? "0";
    const [snapshot] = await tx.execute<{ running: string }[]>("select (pg_snapshot_xmin(pg_current_snapshot()))::text as running");
    const running = snapshot!.running;
    // A batch stops short of the horizon when there is a lot: at the transaction of its 5,001st entry.
    const [cut] = await tx.execute<{ xid: string }[]>("select xid::text as xid from consent_audit where xid >= ? and xid < ? order by xid offset ? limit 1", [from, running, MAX_BATCH]);
    const horizon = cut && BigInt(cut.xid) > BigInt(from) ? cut.xid : running;
    const entries = await entriesBetween(tx, from, horizon);
    if (!entries.length) return 0;
    tx.create(AuditBatchEntity, { ...sealBatch(previous ?? null, horizon, entries), sealedAt: now });
    return entries.length;
  });
}

async function entriesBetween(em: EntityManager, from: string, to: string): Promise<AuditEntry[]> {
  // Read to be hashed, never changed: a batch may hold thousands, which as managed entities cost the
  // one thread the requests share a pause every time the sealer runs.
  return rowsToRead(em, AuditEntryEntity, { xid: { $gte: from, $lt: to } }, { fields: ENTRY_FIELDS, orderBy: { id: "asc" } });
}

/** Seals every `intervalMs` on this instance; stops (after the batch in hand) when called. */
export function startAuditSealing(em: EntityManager, logger: Logger, intervalMs: number, now: () => Date = () => new Date()): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= sealAuditBatch(em, now())
      .catch((error) => logger.error({ err: error }, "sealing the audit log failed"))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(run, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Re-reads every sealed batch in order with the entries of its range, and says whether all is intact
 * and where not, and whether the chain reaches `anchor` (the latest one kept outside the database);
 * entries newer than the last batch are counted as waiting for the sealer. An entry whose personal
 * part was erased must belong to a consent whose erasure is itself on record.
 */
export async function verifyAuditLog(em: EntityManager, anchor: AuditAnchor | null = null): Promise<AuditVerdict & { waiting: number }> {
  let previous = { head: GENESIS_HEAD, horizon: "0" };
  let batches = 0;
  let entries = 0;
  let headAtAnchor: string | null = null;
  const erasedConsents = new Set<string | null>();
  let erased = 0;
  for (let after = "0"; ; ) {
    const page = await em.fork().find(AuditBatchEntity, { id: { $gt: after } }, { orderBy: { id: "asc" }, limit: 100 });
    for (const batch of page) {
      const sealed = await entriesBetween(em.fork(), batch.previousHorizon, batch.horizon);
      const verdict = verifyBatch(previous, batch, sealed);
      if (!verdict.intact) return { ...verdict, batches, entries, waiting: 0 };
      for (const entry of sealed) {
        if (personalState(entry) !== "erased") continue;
        erased += 1;
        erasedConsents.add(entry.consentId);
      }
      if (batch.id === anchor?.batch) headAtAnchor = batch.head;
      previous = batch;
      batches += 1;
      entries += sealed.length;
    }
    if (page.length < 100) break;
    after = page.at(-1)!.id;
  }
  // A chain whose newest batches were removed is intact on its own; the anchor kept outside says it was longer.
  const missed = anchor && missedAnchor(headAtAnchor, anchor);
  if (missed) return { intact: false, brokenAt: `batch ${anchor.batch}`, why: missed, batches, entries, waiting: 0 };
  const recorded = new Set((await em.fork().find(AuditEntryEntity, { action: ERASE_ACTION }, { fields: ["consentId"] })).map((entry) => entry.consentId));
  const unrecorded = [...erasedConsents].find((consentId) => consentId === null || !recorded.has(consentId));
  if (unrecorded !== undefined) {
    return { intact: false, brokenAt: `consent ${unrecorded}`, why: "personal parts of its entries were erased, but no erasure of it is on record", batches, entries, waiting: 0 };
  }
  const waiting = await em.fork().count(AuditEntryEntity, { xid: { $gte: previous.horizon } });
  return { intact: true, batches, entries, head: previous.head, horizon: previous.horizon, erased, waiting };
}
