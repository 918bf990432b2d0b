import { FORBIDDEN_MESSAGE, ForbiddenError, requireCaller, type Caller } from "@samtykke/server-kit";
import type { Citizen } from "../entities/citizen.entity.js";
import { findOrRegisterCitizen } from "../entities/citizen.repository.js";
import { Custody, PowerOfAttorney } from "../entities/relations.entity.js";
import type { PartyContext } from "../context.js";

const signedIn = new WeakMap<PartyContext, Promise<Citizen>>();
const visible = new WeakMap<PartyContext, Promise<Set<string>>>();

/** The signed-in citizen, registered from the person register on their first visit. */
export function signedInCitizen(ctx: PartyContext): Promise<Citizen> {
  const caller = requireCaller(ctx.caller, "citizen");
  let citizen = signedIn.get(ctx);
  if (!citizen) signedIn.set(ctx, (citizen = findOrRegisterCitizen(ctx.em, ctx.cprVault, caller.cpr)));
  return citizen;
}

/**
 * The citizens a signed-in citizen may see: themselves, their parents, the children in their custody
 * and those children's other custody holders, and everyone they share a power of attorney with.
 */
async function citizensVisibleToCitizen(ctx: PartyContext): Promise<Set<string>> {
  const me = await signedInCitizen(ctx);
  const [asHolder, asChild, grants] = await Promise.all([
    ctx.em.find(Custody, { holder: me.id }),
    ctx.em.find(Custody, { child: me.id }),
    ctx.em.find(PowerOfAttorney, { $or: [{ attorney: me.id }, { grantor: me.id }] }),
  ]);
  const childIds = asHolder.map((row) => row.child.id);
  const coHolders = childIds.length ? await ctx.em.find(Custody, { child: { $in: childIds } }) : [];
  return new Set([
    me.id,
    ...childIds,
    ...coHolders.map((row) => row.holder.id),
    ...asChild.map((row) => row.holder.id),
    ...grants.flatMap((grant) => [grant.attorney.id, grant.grantor.id]),
  ]);
}

/** Caseworkers and case systems see any citizen (they work with the person register); a citizen sees those related to them. */
export async function requireCitizenVisible(ctx: PartyContext, citizenId: string): Promise<void> {
  const caller = requireCaller(ctx.caller, "citizen", "caseworker", "system");
  if (caller.kind !== "citizen") return;
  let ids = visible.get(ctx);
  if (!ids) visible.set(ctx, (ids = citizensVisibleToCitizen(ctx)));
  if (!(await ids).has(citizenId)) throw new ForbiddenError(FORBIDDEN_MESSAGE, { reason: "NOT_RELATED" });
}

/** A citizen's relations (custody, powers of attorney) are for the citizen themselves and the authorities. */
export async function requireSelfOrAuthority(ctx: PartyContext, citizenId: string): Promise<void> {
  const caller = requireCaller(ctx.caller as Caller, "citizen", "caseworker", "system");
  if (caller.kind === "citizen" && (await signedInCitizen(ctx)).id !== citizenId) {
    throw new ForbiddenError(FORBIDDEN_MESSAGE, { reason: "NOT_SELF" });
  }
}
