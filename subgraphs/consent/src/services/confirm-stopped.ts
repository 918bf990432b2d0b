import { LockMode, type EntityManager } from "@mikro-orm/postgresql";
import { consentNotFound } from "../domain/access.js";
import { Channel } from "../domain/consent.js";
import { needsStopConfirmation, requireStopConfirmer, type Recipient } from "../domain/stop-confirmation.js";
import { ActorKind } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { StopConfirmationEntity } from "../entities/stop-confirmation.entity.js";
import type { ConsentContext } from "../context.js";
import { recordEvent, sealChanges } from "./consent-log.js";
import { markStopped } from "./stop-confirmations.js";

/**
 * A recipient (the authority's case system or the third party's) says it has stopped acting on a
 * withdrawn or expired consent. The first confirmation is an event the citizen sees; a repeat
 * answers the first and changes nothing.
 */
export async function confirmConsentStopped(ctx: ConsentContext, id: string): Promise<StopConfirmationEntity> {
  const now = ctx.now();
  const result = await ctx.em.transactional(async (em) => {
    const consent = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!consent) throw consentNotFound(id);
    return recordStopped(em, consent, requireStopConfirmer(ctx.caller, consent), "API", now);
  });
  if (result.confirmedNow) ctx.events.committed();
  return result.confirmation;
}

/** The same confirmation, given as a case system's answer to the webhook that told it of the ending. */
export async function confirmStoppedByWebhook(em: EntityManager, consentId: string, recipient: Recipient, now: Date): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const consent = await tx.findOne(ConsentEntity, { id: consentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!consent || !needsStopConfirmation(consent.status)) return false;
    return (await recordStopped(tx, consent, recipient, "WEBHOOK", now)).confirmedNow;
  });
}

async function recordStopped(em: EntityManager, consent: ConsentEntity, recipient: Recipient, via: "API" | "WEBHOOK", now: Date) {
  const result = await markStopped(em, consent, recipient, via, now);
  if (result.confirmedNow) {
    const actorKind = recipient.kind === "CASE_SYSTEM" ? ActorKind.CASE_SYSTEM : ActorKind.THIRD_PARTY;
    recordEvent(em, consent, "confirmStop", now, { actorKind, actorId: recipient.systemId, channel: via === "API" ? Channel.API : "WEBHOOK" });
    await sealChanges(em);
  }
  return result;
}
