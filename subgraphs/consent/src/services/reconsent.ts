import canonicalize from "canonicalize";
import { LockMode } from "@mikro-orm/postgresql";
import { requireAuthority, requireCaller } from "@samtykke/server-kit";
import { ConsentStatus } from "../domain/consent-state.js";
import { createRequest, snapshotBody } from "../domain/consent.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";
import { actorOf } from "./actor.js";
import { recordEvent, sealChanges } from "./consent-log.js";

/**
 * Asks the holders of consents on older versions of a template key to consent again to a newly
 * published version whose texts or choices changed. Each holder gets one request; an open one is
 * not repeated, nor one a version bound to a case cannot be asked without. The old consents stay as they are until answered.
 */
export async function requestReconsent(ctx: ConsentContext, templateId: string): Promise<{ requested: number; skipped: number }> {
  requireCaller(ctx.caller, "caseworker");
  const template = await ctx.supergraph.template(templateId, ctx);
  requireAuthority(ctx.caller, template.authorityId, "caseworker");
  const actor = actorOf(ctx.caller, null, { channel: null, reason: `re-consent to version ${template.version}` });
  const now = ctx.now();
  const newBody = snapshotBody(template);
  const result = await ctx.em.fork().transactional(async (em) => {
    const holders = await em.find(
      ConsentEntity,
      {
        templateKey: template.key,
        authorityId: template.authorityId,
        templateVersion: { $lt: template.version },
        status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED] },
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { requestedAt: "asc" } },
    );
    const open = await em.find(
      ConsentEntity,
      { replacesConsentId: { $in: holders.map((holder) => holder.id) }, status: ConsentStatus.REQUESTED },
      { fields: ["replacesConsentId"] },
    );
    const alreadyAsked = new Set(open.map((request) => request.replacesConsentId));
    let requested = 0;
    for (const holder of holders) {
      if (alreadyAsked.has(holder.id) || sameBody(holder.body, newBody)) continue;
      // A version bound to a case cannot be asked about without one; such holders are counted as skipped.
      if (template.boundToCase && !holder.caseReference) continue;
      const request = em.create(ConsentEntity, {
        ...createRequest({ template, subjectId: holder.subjectId, caseReference: holder.caseReference, now }),
        // The same people sign again; a child's holders as they were asked, until the handover.
        requiredSignerIds: holder.requiredSignerIds,
        subjectComesOfAgeOn: holder.subjectComesOfAgeOn ?? null,
        signers: template.signers,
        replacesConsentId: holder.id,
      });
      recordEvent(em, request, "request", now, actor);
      requested += 1;
    }
    if (requested) await sealChanges(em);
    return { requested, skipped: holders.length - requested };
  });
  if (result.requested) ctx.events.committed();
  return result;
}

function sameBody(a: object, b: object): boolean {
  return canonicalize(a) === canonicalize(b);
}
