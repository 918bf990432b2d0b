import { randomUUID } from "node:crypto";
import type { GraphQLResolveInfo } from "graphql";
import { Custody } from "../entities/relations.entity.js";
import { CitizenLookUp } from "../entities/citizen-look-up.entity.js";
import { isAuthorityLookUp, personalFieldsOf, type PersonalField } from "../domain/look-ups.js";
import { isMinor } from "../domain/representation.js";
import { signedInCitizen } from "./citizen-access.js";
import type { PartyContext } from "../context.js";

/** The fields a query selected directly on the object being resolved. */
function selectedFields(info: GraphQLResolveInfo): string[] {
  return info.fieldNodes.flatMap((node) => node.selectionSet?.selections.flatMap((selection) => (selection.kind === "Field" ? [selection.name.value] : [])) ?? []);
}

/** Whether the field being resolved sits under `_entities`: the gateway fetching a consent's citizen, which the consent's own audit entry covers. */
function underEntities(info: GraphQLResolveInfo): boolean {
  let path: GraphQLResolveInfo["path"] | undefined = info.path;
  while (path?.prev) path = path.prev;
  return path?.key === "_entities";
}

/** Records that an authority's caseworker or case system read these fields of a citizen; nothing for anyone else. */
export async function recordLookUp(ctx: PartyContext, citizenId: string, fields: readonly PersonalField[]): Promise<void> {
  const caller = ctx.caller;
  if (!isAuthorityLookUp(caller) || fields.length === 0) return;
  // On record before the answer leaves, in its own statement: no unit of work to flush.
  await ctx.em.insert(CitizenLookUp, {
    id: randomUUID(),
    citizenId,
    occurredAt: new Date(),
    actorKind: caller.kind === "caseworker" ? "CASEWORKER" : "CASE_SYSTEM",
    actorId: caller.kind === "caseworker" ? caller.caseworkerId : caller.caseSystemId,
    authorityId: caller.authorityId,
    fields: [...fields],
    requestId: ctx.requestId,
  });
}

/** A look-up by CPR number or id: the personal fields the query selected on the citizen. */
export function recordDirectLookUp(ctx: PartyContext, citizenId: string, info: GraphQLResolveInfo): Promise<void> {
  return recordLookUp(ctx, citizenId, personalFieldsOf(selectedFields(info)));
}

/**
 * A relation read through `_entities` (a consent's citizen with their children, say): recorded as
 * its own look-up, as the consent's audit entry names the consent, not the relations.
 */
export async function recordRelationRead(ctx: PartyContext, citizenId: string, field: PersonalField, info: GraphQLResolveInfo): Promise<void> {
  if (underEntities(info)) await recordLookUp(ctx, citizenId, [field]);
}

/** The signed-in citizen's look-ups, and those of the children in their custody (under 18: a grown-up child's are theirs alone), newest first. */
export async function lookUpsOfSignedInCitizen(ctx: PartyContext, first: number): Promise<CitizenLookUp[]> {
  const me = await signedInCitizen(ctx);
  const now = new Date();
  const children = (await ctx.em.find(Custody, { holder: me.id }, { populate: ["child"] })).map((row) => row.child).filter((child) => isMinor(child.birthDate, now));
  return ctx.em.find(CitizenLookUp, { citizenId: { $in: [me.id, ...children.map((child) => child.id)] } }, { orderBy: { occurredAt: "desc", id: "desc" }, limit: first });
}
