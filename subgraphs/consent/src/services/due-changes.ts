import { LockMode, type EntityManager, type FilterQuery } from "@mikro-orm/postgresql";
import { ConsentStatus } from "../domain/consent-state.js";
import { applyAction, dueAction, handOverRequest } from "../domain/consent.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { PLATFORM_ACTOR } from "./actor.js";
import { recordEvent, sealChanges } from "./consent-log.js";

/**
 * Lets time do its part: expires consents past their end and cancels requests past their answer
 * deadline, each with its event, in batches, and hands consents given for a child over to them on
 * their 18th birthday. Rows another instance is already handling are skipped. Returns how many changed.
 */
export async function applyDueChanges(em: EntityManager, now: Date, batchSize = 100): Promise<number> {
  return (await applyExpiry(em, now, batchSize)) + (await handOverAtEighteen(em, now, batchSize));
}

/** Consents past their end and requests past their answer deadline (a partial index serves each half). */
export function dueToExpire(now: Date): FilterQuery<ConsentEntity> {
  return {
    $or: [
      { status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED] }, validTo: { $lte: now } },
      { status: ConsentStatus.REQUESTED, answerBy: { $lte: now } },
    ],
  };
}

/** Consents given or asked for by custody holders whose child has come of age by `today` (a partial index serves it). */
export function dueToHandOver(today: string): FilterQuery<ConsentEntity> {
  return {
    signers: "CUSTODY_HOLDERS",
    handedOverAt: null,
    subjectComesOfAgeOn: { $lte: today },
    status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED, ConsentStatus.REQUESTED] },
  };
}

async function applyExpiry(em: EntityManager, now: Date, batchSize: number): Promise<number> {
  let changed = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await tx.find(ConsentEntity, dueToExpire(now), { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: batchSize });
      for (const consent of due) {
        const action = dueAction(consent, now);
        if (!action) continue;
        tx.assign(consent, applyAction(consent, action, now));
        recordEvent(tx, consent, action, now, { ...PLATFORM_ACTOR, reason: action === "expire" ? "validity ended" : "answer deadline passed" });
      }
      if (due.length) await sealChanges(tx);
      return due.length;
    });
    changed += batch;
    if (batch < batchSize) return changed;
  }
}

/**
 * On a child's 18th birthday, each consent their custody holders gave for them is handed over: it
 * stays valid, the parents stop seeing it, and the young person gets a request to confirm it (yes
 * replaces it, no withdraws it). A request the parents had not answered lapses.
 */
async function handOverAtEighteen(em: EntityManager, now: Date, batchSize: number): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let changed = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await tx.find(ConsentEntity, dueToHandOver(today), { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: batchSize });
      for (const consent of due) {
        consent.handedOverAt = now;
        if (consent.status === ConsentStatus.REQUESTED) {
          tx.assign(consent, applyAction(consent, "cancel", now));
          recordEvent(tx, consent, "cancel", now, { ...PLATFORM_ACTOR, reason: "the child came of age before the custody holders answered" });
          continue;
        }
        recordEvent(tx, consent, "handOver", now, { ...PLATFORM_ACTOR, reason: "the child came of age" });
        const request = tx.create(ConsentEntity, handOverRequest({ ...consent, thirdPartyId: consent.thirdPartyId ?? null, caseReference: consent.caseReference ?? null, fixedValidTo: consent.fixedValidTo ?? null }, now));
        recordEvent(tx, request, "request", now, { ...PLATFORM_ACTOR, reason: "confirm the consent your custody holders gave" });
      }
      if (due.length) await sealChanges(tx);
      return due.length;
    });
    changed += batch;
    if (batch < batchSize) return changed;
  }
}
