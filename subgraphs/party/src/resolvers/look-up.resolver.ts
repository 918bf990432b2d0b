import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { pageSize, requireCaller } from "@samtykke/server-kit";
import { Authority } from "../entities/authority.entity.js";
import { Citizen } from "../entities/citizen.entity.js";
import { lookUpsOfSignedInCitizen } from "../services/look-ups.js";
import type { PartyContext } from "../context.js";

@ObjectType({ description: "An authority's caseworker or case system looked a citizen up: who, what they read, when." })
export class CitizenLookUpEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => String, { description: "CASEWORKER or CASE_SYSTEM." })
  actorKind!: string;

  @Field(() => [String], { description: "What was read: name, cprMasked, custodyHolders, children, attorneys, powersOfAttorney." })
  fields!: string[];

  authorityId!: string;
  citizenId!: string;
}

@Resolver(() => CitizenLookUpEntry)
export class LookUpResolver {
  @Query(() => [CitizenLookUpEntry], {
    description: "For the signed-in citizen: when an authority looked them, or a child in their custody, up in the person register, and what it read; newest first.",
  })
  async myLookUps(@Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number, @Ctx() ctx: PartyContext): Promise<CitizenLookUpEntry[]> {
    requireCaller(ctx.caller, "citizen");
    return (await lookUpsOfSignedInCitizen(ctx, pageSize(first))).map((row) => Object.assign(new CitizenLookUpEntry(), row));
  }

  @FieldResolver(() => Authority, { description: "The authority that looked up." })
  async authority(@Root() entry: CitizenLookUpEntry, @Ctx() { em }: PartyContext): Promise<Authority> {
    return em.findOneOrFail(Authority, { id: entry.authorityId });
  }

  @FieldResolver(() => Citizen, { description: "Whom it was about: the citizen, or a child in their custody." })
  async citizen(@Root() entry: CitizenLookUpEntry, @Ctx() { em }: PartyContext): Promise<Citizen> {
    return em.findOneOrFail(Citizen, { id: entry.citizenId });
  }
}
