import type { EntityManager } from "@mikro-orm/postgresql";
import type { AuditFacts } from "../domain/audit-seal.js";
import { eraseAt } from "../domain/retention.js";
import { needsStopConfirmation } from "../domain/stop-confirmation.js";
import { ActorKind, ConsentEventEntity, type ConsentEventAction } from "../entities/consent-event.entity.js";
import type { ConsentEntity } from "../entities/consent.entity.js";
import type { EventActor } from "./actor.js";
import { appendAudit, auditFacts } from "./audit.js";
import { expectStopConfirmations } from "./stop-confirmations.js";

// What a transaction's changes leave to do when it seals (see `sealChanges`): their audit entries,
// and the endings whose recipients must confirm that they stopped.
interface PendingSeal {
  audit: AuditFacts[];
  endings: { consent: ConsentEntity; endedAt: Date }[];
}
const pendingSeals = new WeakMap<EntityManager, PendingSeal>();

export function recordEvent(em: EntityManager, consent: ConsentEntity, action: ConsentEventAction, occurredAt: Date, actor: EventActor) {
  // Every change passes here, so an ending is never without its erasure date.
  if (consent.endedAt && !consent.eraseAt) consent.eraseAt = eraseAt(consent.endedAt, consent.retentionDays);
  em.create(ConsentEventEntity, {
    consentId: consent.id,
    action,
    status: consent.status,
    authorityId: consent.authorityId,
    subjectId: consent.subjectId,
    occurredAt,
    ...actor,
  });
  let pending = pendingSeals.get(em);
  if (!pending) pendingSeals.set(em, (pending = { audit: [], endings: [] }));
  pending.audit.push(auditFacts({ ...actor, authorityId: actingFor(actor, consent) }, action, consent, { occurredAt, purpose: actor.reason ?? null }));
  if (action !== "confirmStop" && needsStopConfirmation(consent.status)) pending.endings.push({ consent, endedAt: occurredAt });
}

/** The organisation an actor acts for, as the audit names it: the authority for its staff, the third party for its systems. */
function actingFor(actor: EventActor, consent: ConsentEntity): string | null {
  if (actor.actorKind === ActorKind.CASEWORKER || actor.actorKind === ActorKind.CASE_SYSTEM) return consent.authorityId;
  if (actor.actorKind === ActorKind.THIRD_PARTY) return consent.thirdPartyId ?? null;
  return null;
}

/**
 * Last in a writing transaction: its audit entries are written (to be sealed later), committed with
 * the change and its events or not at all, as are the confirmations an ending asks of the systems
 * that knew the consent. No lock: the events take their place in the log by their transaction
 * (`domain/event-position.ts`). After the commit, the writer calls `ConsentEventBus.committed()`.
 */
export async function sealChanges(em: EntityManager): Promise<void> {
  const pending = pendingSeals.get(em);
  pendingSeals.delete(em);
  await expectStopConfirmations(em, pending?.endings ?? []);
  await appendAudit(em, pending?.audit ?? []);
}
