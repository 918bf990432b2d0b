import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { FORBIDDEN_MESSAGE, ForbiddenError, requireCaller } from "@samtykke/server-kit";
import { maskCpr, parseCpr } from "../domain/cpr.js";
import { Citizen } from "../entities/citizen.entity.js";
import { findOrRegisterCitizen, findRegisteredCitizen } from "../entities/citizen.repository.js";
import { signedInCitizen } from "../services/citizen-access.js";
import { recordDirectLookUp } from "../services/look-ups.js";
import type { PartyContext } from "../context.js";

@Resolver(() => Citizen)
export class CitizenResolver {
  @Query(() => Citizen, {
    description: "The citizen with this CPR number, registered from the person register on first look-up.",
  })
  async citizen(@Arg("cpr", () => String) cpr: string, @Ctx() ctx: PartyContext, @Info() info: GraphQLResolveInfo): Promise<Citizen> {
    const caller = requireCaller(ctx.caller, "citizen", "caseworker", "system");
    // A citizen may look only themselves up by CPR number; the others they see through relations.
    if (caller.kind === "citizen" && parseCpr(cpr).value !== caller.cpr) throw new ForbiddenError(FORBIDDEN_MESSAGE, { reason: "NOT_SELF" });
    const citizen = await findOrRegisterCitizen(ctx.em, ctx.cprVault, cpr);
    await recordDirectLookUp(ctx, citizen.id, info);
    return citizen;
  }

  @Query(() => ID, {
    description: "Only the platform id of the citizen with this CPR number, registered from the person register on first look-up. For an authority's caseworkers and case systems.",
  })
  async citizenIdByCpr(@Arg("cpr", () => String) cpr: string, @Ctx() ctx: PartyContext): Promise<string> {
    requireCaller(ctx.caller, "caseworker", "system");
    return (await findOrRegisterCitizen(ctx.em, ctx.cprVault, cpr)).id;
  }

  @Query(() => ID, {
    nullable: true,
    description:
      "The platform id of a citizen already registered with this CPR number, else null; registers nobody. Only the platform's own client may ask: the consent subgraph, on a third party's behalf, which then answers the third party only about consents that name it.",
  })
  async registeredCitizenIdByCpr(@Arg("cpr", () => String) cpr: string, @Ctx() ctx: PartyContext): Promise<string | null> {
    requireCaller(ctx.caller, "platform");
    return (await findRegisteredCitizen(ctx.em, ctx.cprVault, cpr))?.id ?? null;
  }

  @Query(() => Citizen, { nullable: true, description: "The signed-in citizen; null for caseworkers and case systems." })
  async me(@Ctx() ctx: PartyContext): Promise<Citizen | null> {
    const caller = requireCaller(ctx.caller, "citizen", "caseworker", "system");
    return caller.kind === "citizen" ? signedInCitizen(ctx) : null;
  }

  @FieldResolver(() => String, { description: "The CPR number with its last four digits hidden." })
  cprMasked(@Root() citizen: Citizen, @Ctx() { cprVault }: PartyContext): string {
    return maskCpr(cprVault.decrypt(citizen.cprEncrypted));
  }
}
