import { LockMode, type EntityManager } from "@mikro-orm/postgresql";
import { requireCaller, ValidationError } from "@samtykke/server-kit";
import { consentNotFound, requireAnswerer, requireHolderAction, requireOwnAuthority, requireSigning } from "../domain/access.js";
import { ConsentStatus, requireReminderAllowed, type ConsentAction } from "../domain/consent-state.js";
import { applyAction, Channel, give } from "../domain/consent.js";
import { requireFollowUpDone } from "../domain/follow-up.js";
import { SignatureMethod, type ChoiceAnswer } from "../domain/declaration.js";
import { ConsentEventEntity, type ConsentEventAction } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";
import { actorOf, type EventActor } from "./actor.js";
import { recordEvent, sealChanges } from "./consent-log.js";
import { idempotentCall, once } from "./idempotency.js";

/**
 * A citizen gives a requested consent with their answers to its choices, signing exactly what they
 * were shown, with the level and transaction of their login. With two custody holders the first
 * signature leaves it REQUESTED (event "sign"); the last makes it ACTIVE.
 */
export async function giveConsent(ctx: ConsentContext, id: string, answers: readonly ChoiceAnswer[]): Promise<ConsentEntity> {
  const caller = requireCaller(ctx.caller, "citizen");
  const representation = await ctx.representation();
  return changeConsent(ctx, id, "give", (current, now) => {
    const answerer = requireAnswerer(caller, current, representation);
    const signing = {
      signerId: answerer.signerId,
      onBehalfOfId: answerer.onBehalfOfId,
      method: SignatureMethod.DIGITAL,
      attestedBy: null,
      answers,
      assuranceLevel: caller.level,
      loginTransactionId: caller.transactionId,
    };
    const given = give(current, signing, now);
    requireSigning(caller);
    const action = given.status === ConsentStatus.ACTIVE ? "give" : "sign";
    return {
      change: { ...given, ...(action === "give" ? { channel: Channel.DIGITAL } : {}) },
      action,
      actor: actorOf(caller, representation, { onBehalfOfId: answerer.onBehalfOfId }),
    };
  });
}

/** What one change does to a consent, which event records it and who made it. */
export interface ConsentChangeOutcome {
  change: object;
  action?: ConsentEventAction;
  actor: EventActor;
}

/**
 * The answers, ends and suspensions the citizen side and the authority make (decline, withdraw,
 * pause, resume, cancel, markUsed), each checked against who the caller is before the state machine.
 */
export async function actOnConsent(
  ctx: ConsentContext,
  id: string,
  action: Exclude<ConsentAction, "give" | "expire" | "closeCase" | "supersede" | "markUsed">,
  reason?: string | null,
): Promise<ConsentEntity> {
  const caller = ctx.caller;
  requireCaller(caller, "citizen", "caseworker", "system");
  const representation = await ctx.representation();
  return changeConsent(ctx, id, action, (current, now) => {
    let actor: EventActor;
    if (action === "decline") {
      const answerer = requireAnswerer(caller, current, representation);
      actor = actorOf(caller, representation, { onBehalfOfId: answerer.onBehalfOfId });
    } else if (action === "withdraw" || action === "pause" || action === "resume") {
      const relation = requireHolderAction(caller, current, representation, action);
      const onBehalfOfId = relation === "SUBJECT" ? null : current.subjectId;
      actor = actorOf(caller, representation, { onBehalfOfId, reason: relation === "AUTHORITY" ? requiredReason(reason) : (reason?.trim() || null) });
    } else {
      requireOwnAuthority(caller, current, "caseworker");
      actor = actorOf(caller, representation, { reason: reason?.trim() || null });
    }
    return { change: applyAction(current, action, now), actor };
  });
}

/**
 * The authority's caseworker reminds the givers who have not answered a request: a letter to each
 * of them, at most once a day. Anyone else gets what `actOnConsent` tells them, and learns nothing
 * of earlier reminders.
 */
export async function remindConsentRequest(ctx: ConsentContext, id: string): Promise<ConsentEntity> {
  const caller = requireCaller(ctx.caller, "caseworker");
  const em = ctx.em.fork();
  const consent = await em.findOne(ConsentEntity, { id }, { fields: ["authorityId"] });
  if (consent?.authorityId === caller.authorityId) {
    const last = await em.findOne(ConsentEventEntity, { consentId: id, action: "remind" }, { orderBy: { id: "desc" }, fields: ["occurredAt"] });
    requireReminderAllowed(last?.occurredAt ?? null, ctx.now());
  }
  return actOnConsent(ctx, id, "remind");
}

/**
 * The authority's caseworker marks the follow-up task of an unanswered request done, saying what
 * they did (called the citizen, met them, sent a paper form); the note goes on the history. The
 * request itself stands until it is answered or its deadline passes.
 */
export async function completeFollowUp(ctx: ConsentContext, id: string, note: string): Promise<ConsentEntity> {
  const caller = requireCaller(ctx.caller, "caseworker");
  return changeConsent(ctx, id, "followUpDone", (current, now) => {
    requireOwnAuthority(caller, current, "caseworker");
    const done = requireFollowUpDone(current, note);
    return { change: { ...applyAction(current, "followUpDone", now), followUpDoneAt: now }, actor: actorOf(caller, null, { reason: done }) };
  });
}

/**
 * A case system records that a single-use consent was used. With an idempotency key, a retry (the
 * answer was lost) gets the consent as the first call left it instead of an INVALID_TRANSITION.
 */
export async function markConsentUsed(ctx: ConsentContext, id: string, idempotencyKey?: string | null): Promise<ConsentEntity> {
  const caller = requireCaller(ctx.caller, "caseworker", "system");
  const call = idempotentCall(ctx, caller.authorityId, idempotencyKey, { operation: "markConsentUsed", id });
  return once(ctx, call, (remember) =>
    changeConsent(
      ctx,
      id,
      "markUsed",
      (current, now) => {
        requireOwnAuthority(caller, current);
        return { change: applyAction(current, "markUsed", now), actor: actorOf(caller, null) };
      },
      (em, consent, now) => remember(em, consent.id, now),
    ),
  );
}

const MAX_REASON = 1_000;

/** A caseworker who withdraws, pauses or resumes a consent for the citizen says how the citizen asked for it. */
function requiredReason(reason: string | null | undefined): string {
  const trimmed = reason?.trim() ?? "";
  if (!trimmed || trimmed.length > MAX_REASON) {
    throw new ValidationError(
      {
        da: `Skriv, hvordan borgeren bad om det (højst ${MAX_REASON} tegn).`,
        en: `Say how the citizen asked for it (at most ${MAX_REASON} characters).`,
      },
      { field: "reason" },
    );
  }
  return trimmed;
}

/**
 * Moves one consent through the state machine, writing the change and its event in one
 * transaction. `decide` sees the locked row, so who-may-do-what is checked against what is stored.
 */
async function changeConsent(
  ctx: ConsentContext,
  id: string,
  action: ConsentAction,
  decide: (current: ConsentEntity, now: Date) => ConsentChangeOutcome,
  alongside?: (em: EntityManager, consent: ConsentEntity, now: Date) => void,
): Promise<ConsentEntity> {
  const now = ctx.now();
  const consent = await ctx.em.transactional(async (em) => {
    // The row lock makes the status check and the change one step: two answers cannot both pass.
    const current = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!current) throw consentNotFound(id);
    const outcome = decide(current, now);
    em.assign(current, outcome.change);
    const recorded = outcome.action ?? action;
    recordEvent(em, current, recorded, now, outcome.actor);
    alongside?.(em, current, now);
    if (current.replacesConsentId && (recorded === "give" || recorded === "decline")) {
      await endReplacedConsent(em, current.replacesConsentId, recorded === "give" ? "supersede" : "withdraw", now, outcome.actor);
    }
    await sealChanges(em);
    return current;
  });
  ctx.events.committed();
  return consent;
}

/**
 * Answering a re-consent request ends the consent it would replace: replaced by the new one on a
 * yes, withdrawn on a no. One that has ended meanwhile is left as it is.
 */
async function endReplacedConsent(em: EntityManager, id: string, action: "supersede" | "withdraw", now: Date, actor: EventActor) {
  const old = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!old || (old.status !== ConsentStatus.ACTIVE && old.status !== ConsentStatus.PAUSED)) return;
  em.assign(old, applyAction(old, action, now));
  recordEvent(em, old, action, now, actor);
}
