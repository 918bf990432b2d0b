import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { NotFoundError, pageSize, requireCaller } from "@samtykke/server-kit";
import { Authority } from "../entities/authority.entity.js";
import { CaseSystem } from "../entities/case-system.entity.js";
import { Caseworker } from "../entities/caseworker.entity.js";
import { ThirdParty } from "../entities/third-party.entity.js";
import type { PartyContext } from "../context.js";

@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => [Authority])
  async authorities(
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() { em }: PartyContext,
  ): Promise<Authority[]> {
    return em.find(Authority, {}, { orderBy: { name: "asc" }, limit: pageSize(first) });
  }

  @Query(() => Authority)
  async authority(@Arg("id", () => ID) id: string, @Ctx() { em }: PartyContext): Promise<Authority> {
    const authority = await em.findOne(Authority, { id });
    if (!authority) throw new NotFoundError({ da: "Myndigheden findes ikke", en: "Authority not found" }, { id });
    return authority;
  }

  @Query(() => Caseworker)
  async caseworker(@Arg("id", () => ID) id: string, @Ctx() { em, caller }: PartyContext): Promise<Caseworker> {
    requireCaller(caller, "caseworker", "system");
    const caseworker = await em.findOne(Caseworker, { id });
    if (!caseworker) throw new NotFoundError({ da: "Medarbejderen findes ikke", en: "Caseworker not found" }, { id });
    return caseworker;
  }

  @Query(() => CaseSystem)
  async caseSystem(@Arg("id", () => ID) id: string, @Ctx() { em, caller }: PartyContext): Promise<CaseSystem> {
    requireCaller(caller, "caseworker", "system");
    const system = await em.findOne(CaseSystem, { id });
    if (!system) throw new NotFoundError({ da: "Fagsystemet findes ikke", en: "Case system not found" }, { id });
    return system;
  }

  @Query(() => ThirdParty, { description: "One organisation an authority shares data onward with under a consent." })
  async thirdParty(@Arg("id", () => ID) id: string, @Ctx() { em }: PartyContext): Promise<ThirdParty> {
    const organisation = await em.findOne(ThirdParty, { id });
    if (!organisation) throw new NotFoundError({ da: "Organisationen findes ikke", en: "Organisation not found" }, { id });
    return organisation;
  }

  @Query(() => [ThirdParty], { description: "Organisations authorities share data onward with under a consent." })
  async thirdParties(
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() { em }: PartyContext,
  ): Promise<ThirdParty[]> {
    return em.find(ThirdParty, {}, { orderBy: { name: "asc" }, limit: pageSize(first) });
  }
}
