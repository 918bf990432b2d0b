import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { maskCpr } from "../domain/cpr.js";
import { Citizen } from "../entities/citizen.entity.js";
import { findOrRegisterCitizen } from "../entities/citizen.repository.js";
import type { PartyContext } from "../context.js";

@Resolver(() => Citizen)
export class CitizenResolver {
  @Query(() => Citizen, {
    description: "The citizen with this CPR number, registered from the person register on first look-up.",
  })
  async citizen(@Arg("cpr", () => String) cpr: string, @Ctx() { em, cprVault }: PartyContext): Promise<Citizen> {
    return findOrRegisterCitizen(em, cprVault, cpr);
  }

  @FieldResolver(() => String, { description: "The CPR number with its last four digits hidden." })
  cprMasked(@Root() citizen: Citizen, @Ctx() { cprVault }: PartyContext): string {
    return maskCpr(cprVault.decrypt(citizen.cprEncrypted));
  }
}
