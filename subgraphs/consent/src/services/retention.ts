import { LockMode, type EntityManager, type FilterQuery } from "@mikro-orm/postgresql";
import { anonymousCount, DATA_EXPORT_KEPT_DAYS } from "../domain/retention.js";
import { AnonymousConsentEntity } from "../entities/anonymous-consent.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { DataExportEntity } from "../entities/data-export.entity.js";
import { ErasureSweepEntity } from "../entities/erasure-sweep.entity.js";
import { PLATFORM_ACTOR } from "./actor.js";
import { appendAudit, auditFacts } from "./audit.js";
import { ERASE_ACTION } from "./audit-sealer.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long after an erasure late writes about the consent are looked for (they come within a request's time). */
const SWEEP_MS = 10 * 60 * 1000;

// Everything else the platform keeps about a consent, each table by an index on its consent id.
const ERASE_WITH_CONSENT = ["consent_event", "consent_attachment", "mailbox_letter", "consent_stop_confirmation"] as const;

/** Ended consents whose retention has passed (the partial index `consent_erase_due_index` serves it). */
export function dueToErase(now: Date): FilterQuery<ConsentEntity> {
  return { eraseAt: { $lte: now } };
}

/**
 * Erases the consents whose retention has passed (`eraseAt`), a batch per transaction: the consent
 * (answers, signatures, texts, the link to the person), its history, scans, letters and receipts,
 * and stop confirmations go; the audit entries about it stay, with their personal part erased, so
 * the sealed log still verifies; an anonymous count stays for the statistics; the erasure itself
 * goes on the audit log. Rows another instance holds are skipped. Then what was written about
 * recently erased consents after they went is erased too. Returns how many consents were erased.
 */
export async function eraseExpired(em: EntityManager, now: Date, batchSize = 100): Promise<number> {
  let erased = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await tx.find(ConsentEntity, dueToErase(now), { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: batchSize, orderBy: { eraseAt: "asc" } });
      if (!due.length) return 0;
      await tx.insertMany(AnonymousConsentEntity, due.map(anonymousCount));
      const gone = due.map((consent) => ({ consentId: consent.id, subjectId: consent.subjectId }));
      await eraseTraces(tx, gone);
      await tx.execute("delete from consent where id = any(?::uuid[])", [uuids(gone.map((consent) => consent.consentId))]);
      await tx.insertMany(ErasureSweepEntity, gone.map((consent) => ({ ...consent, until: new Date(now.getTime() + SWEEP_MS) })));
      // On record without the person: which consent of which authority, and why now.
      await appendAudit(
        tx,
        due.map((consent) => ({
          ...auditFacts(PLATFORM_ACTOR, ERASE_ACTION, { ...consent, caseReference: null }, { occurredAt: now }),
          subjectId: null,
          purpose: `retention of ${consent.retentionDays} days after it ended has passed`,
        })),
      );
      return due.length;
    });
    erased += batch;
    if (batch < batchSize) break;
  }
  await sweepLateTraces(em, now);
  return erased;
}

/**
 * A request that read a consent just before it was erased writes its audit entry afterwards (and
 * the mailbox may be writing a letter about it): for a few minutes after an erasure, every run
 * erases those as well; then the consent and its person are forgotten here too.
 */
async function sweepLateTraces(em: EntityManager, now: Date): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const recent = await tx.find(ErasureSweepEntity, {}, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: 1000 });
    if (!recent.length) return;
    await eraseTraces(tx, recent);
    await tx.nativeDelete(ErasureSweepEntity, { consentId: { $in: recent.filter((row) => row.until <= now).map((row) => row.consentId) } });
  });
}

/** The personal part of the consents' audit entries, and every other row about them. */
async function eraseTraces(tx: EntityManager, consents: readonly { consentId: string; subjectId: string }[]): Promise<void> {
  const ids = uuids(consents.map((consent) => consent.consentId));
  // By subject and consent, on the log's (subject_id, id) index; the table's trigger lets nothing else change.
  await tx.execute(
    `update consent_audit a set actor_id = null, subject_id = null, purpose = null, personal_salt = null
       from unnest(?::uuid[], ?::uuid[]) as erased(subject_id, consent_id)
      where a.subject_id = erased.subject_id and a.consent_id = erased.consent_id and a.personal_digest is not null`,
    [uuids(consents.map((consent) => consent.subjectId)), ids],
  );
  for (const table of ERASE_WITH_CONSENT) await tx.execute(`delete from ${table} where consent_id = any(?::uuid[])`, [ids]);
}

// As an array literal: the driver would spread a JavaScript array into a list of values.
const uuids = (values: readonly string[]) => `{${values.join(",")}}`;

/** A citizen's copies of everything, once their download time is over. */
export async function eraseOldDataExports(em: EntityManager, now: Date): Promise<number> {
  return em.fork().nativeDelete(DataExportEntity, { createdAt: { $lte: new Date(now.getTime() - DATA_EXPORT_KEPT_DAYS * DAY_MS) } });
}
