import { requireCaller } from "@samtykke/server-kit";
import type { EntityManager } from "@mikro-orm/postgresql";
import { consentNotFound, requireRead } from "../domain/access.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";

export async function findConsent(em: EntityManager, id: string): Promise<ConsentEntity> {
  const consent = await em.findOne(ConsentEntity, { id });
  if (!consent) throw consentNotFound(id);
  return consent;
}

/** A consent the caller may read (the authority that holds it, the citizens it concerns or who act for them). */
export async function readConsent(ctx: ConsentContext, id: string): Promise<ConsentEntity> {
  // Who is asking comes before whether it exists: an anonymous caller learns nothing of ids.
  requireCaller(ctx.caller, "citizen", "caseworker", "system");
  const consent = await findConsent(ctx.em, id);
  requireRead(ctx.caller, consent, await ctx.representation());
  return consent;
}
