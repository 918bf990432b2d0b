import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { pageSize } from "@samtykke/server-kit";
import { GuardianshipScope, LifeEventKind } from "../domain/life-events.js";
import type { LifeEvent } from "../entities/life-event.entity.js";
import { lifeEventsAfter, recordLifeEvent } from "../services/life-events.js";
import type { PartyContext } from "../context.js";

registerEnumType(LifeEventKind, { name: "LifeEventKind", description: "What the person register published about a person." });
registerEnumType(GuardianshipScope, { name: "GuardianshipScope", description: "What a guardianship (værgemål) covers; a personal one lets the guardian act on consents." });

@InputType({ description: "An event as the person register (CPR) publishes it." })
export class LifeEventInput {
  @Field(() => String, { description: "The register's own id of the event; the same id sent again changes nothing." })
  registerEventId!: string;

  @Field(() => LifeEventKind)
  kind!: LifeEventKind;

  @Field(() => String, { description: "The person the event is about." })
  cpr!: string;

  @Field(() => String, { nullable: true, description: "The custody holder or guardian, for the events that name one." })
  otherCpr?: string | null;

  @Field(() => Date)
  occurredOn!: Date;

  @Field(() => [GuardianshipScope], { nullable: true, description: "For GUARDIAN_APPOINTED: what the guardianship covers." })
  guardianshipScope?: GuardianshipScope[] | null;
}

@ObjectType({ description: "An event from the person register, as the platform keeps it." })
export class LifeEventRecord {
  @Field(() => String, { description: "Pass as `after` to read on from this event." })
  cursor!: string;

  @Field(() => LifeEventKind)
  kind!: LifeEventKind;

  @Field(() => ID)
  citizenId!: string;

  @Field(() => ID, { nullable: true, description: "The custody holder or guardian the event names." })
  otherCitizenId!: string | null;

  @Field(() => Date)
  occurredOn!: Date;

  @Field(() => [GuardianshipScope])
  guardianshipScope!: GuardianshipScope[];
}

@ObjectType()
export class LifeEventReceipt {
  @Field(() => LifeEventRecord)
  event!: LifeEventRecord;

  @Field(() => Boolean, { description: "True when the register had sent this event before: nothing was changed again." })
  duplicate!: boolean;
}

const toRecord = (cursor: string, event: LifeEvent): LifeEventRecord => ({
  cursor,
  kind: event.kind,
  citizenId: event.citizenId,
  otherCitizenId: event.otherCitizenId ?? null,
  occurredOn: event.occurredOn,
  guardianshipScope: event.guardianshipScope,
});

/** The person register's events: received from its adapter, read in order by the platform's parts. Both for the platform's own client only. */
@Resolver()
export class LifeEventResolver {
  @Mutation(() => LifeEventReceipt, {
    description:
      "Records an event from the person register (death, custody, guardian, name and address protection) and applies it. The platform's own client only (the register's adapter); idempotent by registerEventId.",
  })
  async recordLifeEvent(@Arg("input", () => LifeEventInput) input: LifeEventInput, @Ctx() ctx: PartyContext): Promise<LifeEventReceipt> {
    const { event, duplicate } = await recordLifeEvent(ctx, input);
    return { event: toRecord(`${event.xid}.${event.id}`, event), duplicate };
  }

  @Query(() => [LifeEventRecord], { description: "The person register's events after a cursor, in order. The platform's own client only." })
  async lifeEvents(
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("first", () => Int, { defaultValue: 100, description: "At most 100." }) first: number,
    @Ctx() ctx: PartyContext,
  ): Promise<LifeEventRecord[]> {
    return (await lifeEventsAfter(ctx, after, pageSize(first))).map(({ cursor, event }) => toRecord(cursor, event));
  }
}
