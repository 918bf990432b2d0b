import { LockMode } from "@mikro-orm/postgresql";
import { requireAuthority } from "@samtykke/server-kit";
import { ConsentStatus } from "../domain/consent-state.js";
import { applyAction, caseReferenceOf } from "../domain/consent.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";
import { actorOf } from "./actor.js";
import { recordEvent, sealChanges } from "./consent-log.js";

/** Ends every consent still requested, in force or paused that belongs to a case the authority closed. */
export async function closeCase(ctx: ConsentContext, input: { authorityId: string; caseReference: string }): Promise<ConsentEntity[]> {
  requireAuthority(ctx.caller, input.authorityId);
  const caseReference = caseReferenceOf(input.caseReference);
  if (!caseReference) return [];
  const actor = actorOf(ctx.caller, null, { reason: `case ${caseReference} closed` });
  const now = ctx.now();
  const closed = await ctx.em.transactional(async (em) => {
    const open = await em.find(
      ConsentEntity,
      {
        authorityId: input.authorityId,
        caseReference,
        status: { $in: [ConsentStatus.REQUESTED, ConsentStatus.ACTIVE, ConsentStatus.PAUSED] },
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { requestedAt: "asc" } },
    );
    for (const consent of open) {
      em.assign(consent, applyAction(consent, "closeCase", now));
      recordEvent(em, consent, "closeCase", now, actor);
    }
    if (open.length) await sealChanges(em);
    return open;
  });
  if (closed.length) ctx.events.committed();
  return closed;
}
