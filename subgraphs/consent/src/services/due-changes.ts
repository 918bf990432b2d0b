import { LockMode, type EntityManager, type FilterQuery } from "@mikro-orm/postgresql";
import { ConsentStatus } from "../domain/consent-state.js";
import { applyAction, dueAction } from "../domain/consent.js";
import { askYoungPerson, handOverRequest } from "../domain/who-signs.js";
import { dueFollowUp } from "../domain/follow-up.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { PLATFORM_ACTOR } from "./actor.js";
import { recordEvent, sealChanges } from "./consent-log.js";

/**
 * Lets time do its part: expires consents past their end and lapses requests past their answer
 * deadline (UNANSWERED), reminds and follows up requests still unanswered, each with its event, in
 * batches, and hands consents given for a child over to them on their 18th birthday. Rows another
 * instance is already handling are skipped. Returns how many changed.
 */
export async function applyDueChanges(em: EntityManager, now: Date, batchSize = 100): Promise<number> {
  // Lapsing first: a request past its deadline is not reminded on its way out.
  return (
    (await applyExpiry(em, now, batchSize)) +
    (await followUpUnanswered(em, now, batchSize)) +
    (await askAtFifteen(em, now, batchSize)) +
    (await handOverAtEighteen(em, now, batchSize))
  );
}

/** Requests to the custody holders of a child who has turned 15 by `today`, where the template lets the young person answer (a partial index serves it). */
export function dueAtFifteen(today: string): FilterQuery<ConsentEntity> {
  return { status: ConsentStatus.REQUESTED, subjectTurnsFifteenOn: { $lte: today } };
}

/** Unanswered requests whose reminder or caseworker follow-up is due (a partial index serves each half). */
export function dueToFollowUp(now: Date): FilterQuery<ConsentEntity> {
  return {
    status: ConsentStatus.REQUESTED,
    $or: [{ reminderDueAt: { $lte: now } }, { followUpDueAt: { $lte: now } }],
  };
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
    handedOverAt: null,
    subjectComesOfAgeOn: { $lte: today },
    status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED, ConsentStatus.REQUESTED] },
  };
}

/**
 * Applies `change` to every consent `due` matches, a batch per transaction with its events sealed,
 * until a batch comes back short. Rows another instance holds are skipped, so instances share the
 * work; `change` must make a row stop matching, or it would be found again.
 */
async function changeDue(em: EntityManager, due: FilterQuery<ConsentEntity>, batchSize: number, change: (tx: EntityManager, consent: ConsentEntity) => void): Promise<number> {
  let changed = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const rows = await tx.find(ConsentEntity, due, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: batchSize });
      for (const consent of rows) change(tx, consent);
      if (rows.length) await sealChanges(tx);
      return rows.length;
    });
    changed += batch;
    if (batch < batchSize) return changed;
  }
}

function applyExpiry(em: EntityManager, now: Date, batchSize: number): Promise<number> {
  return changeDue(em, dueToExpire(now), batchSize, (tx, consent) => {
    const action = dueAction(consent, now);
    if (!action) return;
    tx.assign(consent, applyAction(consent, action, now));
    recordEvent(tx, consent, action, now, { ...PLATFORM_ACTOR, reason: action === "expire" ? "validity ended" : "answer deadline passed" });
  });
}

/**
 * The template's follow-up of a request nobody has answered: a reminder letter (event "remind",
 * which the mailbox turns into letters), then a task on the caseworkers' overview (event
 * "followUp"). Each due time is cleared in the transaction that records its event, so a step is
 * taken once however often this runs, on however many instances, across restarts.
 */
function followUpUnanswered(em: EntityManager, now: Date, batchSize: number): Promise<number> {
  return changeDue(em, dueToFollowUp(now), batchSize, (tx, consent) => {
    // Both steps may be due at once (the platform was down): the reminder goes first, the task with it.
    for (let step = dueFollowUp(consent, now); step; step = dueFollowUp(consent, now)) {
      if (step === "remind") {
        consent.reminderDueAt = null;
        consent.remindedAt = now;
        recordEvent(tx, consent, "remind", now, PLATFORM_ACTOR);
      } else {
        consent.followUpDueAt = null;
        consent.followUpOpenedAt = now;
        recordEvent(tx, consent, "followUp", now, PLATFORM_ACTOR);
      }
    }
    // Past the deadline meanwhile: nothing to send; the request lapses instead.
    if (consent.answerBy && consent.answerBy <= now) Object.assign(consent, { reminderDueAt: null, followUpDueAt: null });
  });
}

/**
 * On a child's 15th birthday, a request their custody holders have not finished answering moves to
 * the young person where the template says they answer from 15 (alone, or with the holders).
 */
function askAtFifteen(em: EntityManager, now: Date, batchSize: number): Promise<number> {
  return changeDue(em, dueAtFifteen(now.toISOString().slice(0, 10)), batchSize, (tx, request) => {
    tx.assign(request, askYoungPerson(request));
    recordEvent(tx, request, "askYoungPerson", now, PLATFORM_ACTOR);
  });
}

/**
 * On a child's 18th birthday, each consent their custody holders gave for them is handed over: it
 * stays valid, the parents stop seeing it, and the young person gets a request to confirm it (yes
 * replaces it, no withdraws it). A request the parents had not answered lapses.
 */
function handOverAtEighteen(em: EntityManager, now: Date, batchSize: number): Promise<number> {
  return changeDue(em, dueToHandOver(now.toISOString().slice(0, 10)), batchSize, (tx, consent) => {
    consent.handedOverAt = now;
    if (consent.status === ConsentStatus.REQUESTED) {
      tx.assign(consent, applyAction(consent, "cancel", now));
      recordEvent(tx, consent, "cancel", now, { ...PLATFORM_ACTOR, reason: "the child came of age before the custody holders answered" });
      return;
    }
    recordEvent(tx, consent, "handOver", now, { ...PLATFORM_ACTOR, reason: "the child came of age" });
    const request = tx.create(ConsentEntity, handOverRequest({ ...consent, thirdPartyId: consent.thirdPartyId ?? null, caseReference: consent.caseReference ?? null, fixedValidTo: consent.fixedValidTo ?? null }, now));
    recordEvent(tx, request, "request", now, { ...PLATFORM_ACTOR, reason: "confirm the consent your custody holders gave" });
  });
}
