import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { NotFoundError, pageSize } from "@samtykke/server-kit";
import { requireCitizenVisible, requireSelfOrAuthority } from "../services/citizen-access.js";
import { grantsVisibleTo } from "../domain/look-ups.js";
import { comesOfAge, isMinor } from "../domain/representation.js";
import { recordDirectLookUp, recordRelationRead } from "../services/look-ups.js";
import { Citizen } from "../entities/citizen.entity.js";
import { Custody, PowerOfAttorney } from "../entities/relations.entity.js";
import type { PartyContext } from "../context.js";

@ObjectType({ description: "A power of attorney in force: the attorney may act for the grantor towards the authorities named (all when none)." })
export class PowerOfAttorneyGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => Citizen)
  grantor!: Citizen;

  @Field(() => Citizen)
  attorney!: Citizen;

  @Field(() => [ID], { description: "The authorities it covers; empty means all." })
  authorityIds!: string[];

  @Field(() => Date)
  validFrom!: Date;

  @Field(() => Date, { nullable: true })
  validTo!: Date | null;

  @Field(() => String, { description: "GRANTED by the grantor, or GUARDIANSHIP: a guardian appointed for the grantor's personal matters (the person register)." })
  basis!: string;
}

/** The grants in force that the caller may see (grantsVisibleTo), as the API shows them. */
const inForce = (ctx: PartyContext, grants: PowerOfAttorney[]) =>
  grantsVisibleTo(
    ctx.caller,
    grants.map((grant) => ({ ...grant, validTo: grant.validTo ?? null })),
    new Date(),
  ).map((grant) => Object.assign(new PowerOfAttorneyGrant(), grant));

@Resolver(() => Citizen)
export class RepresentationResolver {
  @Query(() => Citizen, { description: "A citizen by id, as other parts of the platform refer to them." })
  async citizenById(@Arg("id", () => ID) id: string, @Ctx() ctx: PartyContext, @Info() info: GraphQLResolveInfo): Promise<Citizen> {
    await requireCitizenVisible(ctx, id);
    const citizen = await ctx.em.findOne(Citizen, { id });
    if (!citizen) throw new NotFoundError({ da: "Borgeren findes ikke.", en: "Citizen not found." }, { id });
    await recordDirectLookUp(ctx, citizen.id, info);
    return citizen;
  }

  @FieldResolver(() => Date, { description: "Birth date, derived from the CPR number." })
  birthDate(@Root() citizen: Citizen): Date {
    return new Date(citizen.birthDate);
  }

  @FieldResolver(() => Date, { nullable: true, description: "The day of death, as the person register published it; null while alive." })
  diedOn(@Root() citizen: Citizen): Date | null {
    return citizen.diedOn ? new Date(citizen.diedOn) : null;
  }

  @FieldResolver(() => Date, { description: "The 18th birthday: custody ends and the citizen answers for themselves." })
  comesOfAgeOn(@Root() citizen: Citizen): Date {
    return comesOfAge(citizen.birthDate);
  }

  @FieldResolver(() => [Citizen], { description: "Who holds custody of the citizen; empty once they are 18." })
  async custodyHolders(@Root() citizen: Citizen, @Ctx() ctx: PartyContext, @Info() info: GraphQLResolveInfo): Promise<Citizen[]> {
    await requireSelfOrAuthority(ctx, citizen.id);
    await recordRelationRead(ctx, citizen.id, "custodyHolders", info);
    const { em } = ctx;
    if (!isMinor(citizen.birthDate, new Date())) return [];
    const rows = await em.find(Custody, { child: citizen.id }, { populate: ["holder"], orderBy: { holder: { name: "asc" } } });
    return rows.map((row) => row.holder);
  }

  @FieldResolver(() => [Citizen], { description: "The children under 18 the citizen holds custody of." })
  async children(
    @Root() citizen: Citizen,
    @Arg("first", () => Int, { defaultValue: 100, description: "At most 100." }) first: number,
    @Ctx() ctx: PartyContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Citizen[]> {
    await requireSelfOrAuthority(ctx, citizen.id);
    await recordRelationRead(ctx, citizen.id, "children", info);
    const { em } = ctx;
    const rows = await em.find(Custody, { holder: citizen.id }, { populate: ["child"], orderBy: { child: { name: "asc" } } });
    const now = new Date();
    return rows.map((row) => row.child).filter((child) => isMinor(child.birthDate, now)).slice(0, pageSize(first));
  }

  @FieldResolver(() => [PowerOfAttorneyGrant], {
    description: "Powers of attorney in force that the citizen has given others; an authority sees only those that reach it.",
  })
  async attorneys(
    @Root() citizen: Citizen,
    @Arg("first", () => Int, { defaultValue: 100, description: "At most 100." }) first: number,
    @Ctx() ctx: PartyContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PowerOfAttorneyGrant[]> {
    await requireSelfOrAuthority(ctx, citizen.id);
    await recordRelationRead(ctx, citizen.id, "attorneys", info);
    return inForce(ctx, await ctx.em.find(PowerOfAttorney, { grantor: citizen.id }, { populate: ["grantor", "attorney"] })).slice(0, pageSize(first));
  }

  @FieldResolver(() => [PowerOfAttorneyGrant], {
    description: "Powers of attorney in force that let the citizen act for others; an authority sees only those that reach it.",
  })
  async powersOfAttorney(
    @Root() citizen: Citizen,
    @Arg("first", () => Int, { defaultValue: 100, description: "At most 100." }) first: number,
    @Ctx() ctx: PartyContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PowerOfAttorneyGrant[]> {
    await requireSelfOrAuthority(ctx, citizen.id);
    await recordRelationRead(ctx, citizen.id, "powersOfAttorney", info);
    return inForce(ctx, await ctx.em.find(PowerOfAttorney, { attorney: citizen.id }, { populate: ["grantor", "attorney"] })).slice(0, pageSize(first));
  }
}
