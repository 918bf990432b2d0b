import { requireCaller } from "@samtykke/server-kit";
import { checkRecipient, checkValidity, mostRelevant, type ConsentCheckReason } from "../domain/validity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";

/** "Is there a valid consent?" for a citizen and a template key, as a case system asks before it acts. */
export async function consentCheck(
  ctx: ConsentContext,
  input: { cpr: string; templateKey: string; recipient?: string | null },
): Promise<{ valid: boolean; reason: ConsentCheckReason; consent: ConsentEntity | null; subjectId: string }> {
  // An authority checks only its own consents: one authority's consent never lets another act.
  const caller = requireCaller(ctx.caller, "caseworker", "system");
  const subjectId = await ctx.supergraph.citizenIdByCpr(input.cpr, ctx);
  const rows = await ctx.prepared.consentsToCheck(subjectId, input.templateKey, caller.authorityId);
  const candidates = rows.map((row) => ctx.em.map(ConsentEntity, row));
  const now = ctx.now();
  const consent = mostRelevant(candidates, now);
  return { ...checkRecipient(checkValidity(consent, now), consent, input.recipient), consent: consent ?? null, subjectId };
}
