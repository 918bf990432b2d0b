import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { requireCaller } from "@samtykke/server-kit";
import { Channel } from "../domain/consent.js";
import { shownCount } from "../domain/statistics.js";
import { consentsInForce, consentStatistics } from "../services/statistics.js";
import { auditReads } from "../services/audit.js";
import type { ConsentContext } from "../context.js";
import { ConsentTemplate, LocalizedText } from "./consent.type.js";

@ObjectType({ description: "How many consents were given one way." })
class ChannelCount {
  @Field(() => Channel)
  channel!: Channel;

  @Field(() => Int, { nullable: true, description: "Null when 1–4: too few to show." })
  count!: number | null;
}

@ObjectType({ description: "What happened to one template's consents requested in a period. A count of 1–4 is null (suppressed), so no citizen can be singled out; 0 is shown." })
class TemplateStatistics {
  @Field(() => String)
  templateKey!: string;

  @Field(() => LocalizedText, { description: "The title the newest of them was asked with." })
  title!: LocalizedText;

  @Field(() => Int, { nullable: true })
  requested!: number | null;

  @Field(() => Int, { nullable: true, description: "Given or declined, by the citizen or registered for them." })
  answered!: number | null;

  @Field(() => Int, { nullable: true, description: "Given at some point (whatever happened after)." })
  given!: number | null;

  @Field(() => Int, { nullable: true })
  declined!: number | null;

  @Field(() => Int, { nullable: true, description: "Withdrawn by now." })
  withdrawn!: number | null;

  @Field(() => Int, { nullable: true, description: "Expired by now." })
  expired!: number | null;

  @Field(() => Float, { nullable: true, description: "Median hours from request to answer; null with fewer than five answers." })
  medianHoursToAnswer!: number | null;

  @Field(() => Float, { nullable: true, description: "90th percentile of the hours from request to answer; null with fewer than five answers." })
  p90HoursToAnswer!: number | null;

  @Field(() => [ChannelCount], { description: "How the given ones were given: one entry per channel." })
  channels!: ChannelCount[];
}

const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);

@Resolver()
export class StatisticsResolver {
  @Query(() => [TemplateStatistics], { description: "Per template, what happened to the caller's authority's consents requested in [from, to): at most three years." })
  async consentStatistics(@Arg("from", () => Date) from: Date, @Arg("to", () => Date) to: Date, @Ctx() ctx: ConsentContext): Promise<TemplateStatistics[]> {
    const caller = requireCaller(ctx.caller, "caseworker", "system");
    const rows = await consentStatistics(ctx.em, caller.authorityId, from, to);
    // Counts hold no one's data, but who looked at what is still on record.
    await auditReads(ctx, "statistics", [], { purpose: `${from.toISOString()}/${to.toISOString()}` });
    return rows.map((row) => ({
      templateKey: row.templateKey,
      title: row.title,
      ...row.counts,
      medianHoursToAnswer: hours(row.medianSecondsToAnswer),
      p90HoursToAnswer: hours(row.p90SecondsToAnswer),
      channels: Object.values(Channel).map((channel) => ({ channel, count: row.channels[channel] })),
    }));
  }
}

/** The public register's count of consents in force per template version. */
@Resolver(() => ConsentTemplate)
export class TemplateInForceResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: "How many consents are in force (active or paused) on this version; null when 1–4, too few to show. Anyone may read it.",
  })
  async consentsInForce(@Root() template: ConsentTemplate, @Ctx() ctx: ConsentContext): Promise<number | null> {
    return shownCount(await consentsInForce(ctx, template.id));
  }
}
