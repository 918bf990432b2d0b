import type { EntityManager } from "@mikro-orm/postgresql";
import type { Caller } from "@samtykke/server-kit";
import { withPersonalSeal, type AuditFacts } from "../domain/audit-seal.js";
import { AuditEntryEntity } from "../entities/audit-entry.entity.js";
import type { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";
import { actorOf } from "./actor.js";

/**
 * Appends entries inside the caller's transaction, committed with it or not at all. No lock: the
 * entries are sealed afterwards, in batches, by one sealer (services/audit-sealer.ts).
 */
export async function appendAudit(em: EntityManager, entries: readonly AuditFacts[]): Promise<void> {
  if (!entries.length) return;
  // One multi-row insert, past the unit of work: a list of 100 consents read is 100 entries.
  await em.insertMany(AuditEntryEntity, entries.map(withPersonalSeal));
}

type AuditedConsent = Pick<ConsentEntity, "id" | "subjectId" | "authorityId" | "caseReference">;

/** The facts of one action on one consent by an actor. */
export function auditFacts(
  actor: { actorKind: string; actorId: string | null; authorityId?: string | null },
  action: string,
  consent: AuditedConsent | null,
  extra: { purpose?: string | null; requestId?: string | null; subjectId?: string | null; occurredAt: Date },
): AuditFacts {
  return {
    occurredAt: extra.occurredAt,
    actorKind: actor.actorKind,
    actorId: actor.actorId,
    actorAuthorityId: actor.authorityId ?? null,
    action,
    consentId: consent?.id ?? null,
    subjectId: consent?.subjectId ?? extra.subjectId ?? null,
    authorityId: consent?.authorityId ?? null,
    purpose: extra.purpose ?? consent?.caseReference ?? null,
    requestId: extra.requestId ?? null,
  };
}

export function authorityOf(caller: Caller): string | null {
  return caller.kind === "caseworker" || caller.kind === "system" ? caller.authorityId : null;
}

/**
 * Records that the caller read these consents (a look-up, a list, a check), in a transaction of its
 * own: what was shown is on record before the answer leaves.
 */
export async function auditReads(ctx: ConsentContext, action: string, consents: readonly AuditedConsent[], extra: { subjectId?: string | null; purpose?: string | null } = {}): Promise<void> {
  const representation = await ctx.representation();
  // A third party's system is no authority: it is named with the organisation it acts for.
  const actor =
    ctx.caller.kind === "thirdParty"
      ? { actorKind: "THIRD_PARTY", actorId: ctx.caller.systemId, authorityId: ctx.caller.organisationId }
      : { ...actorOf(ctx.caller, representation), authorityId: authorityOf(ctx.caller) };
  const occurredAt = ctx.now();
  const facts = consents.length
    ? consents.map((consent) => auditFacts(actor, action, consent, { ...extra, requestId: ctx.requestId, occurredAt }))
    : [auditFacts(actor, action, null, { ...extra, requestId: ctx.requestId, occurredAt })];
  await ctx.prepared.appendReads(facts);
}
