import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ActorKind } from "../entities/consent-event.entity.js";
import { ConsentStatus } from "../domain/consent-state.js";
import { Channel } from "../domain/consent.js";
import { Consent } from "./consent.type.js";

@InputType({ description: "Narrows a consent search; all given fields must match." })
export class ConsentFilter {
  @Field(() => String, { nullable: true, description: "The citizen's CPR number." })
  cpr?: string | null;

  @Field(() => ID, { nullable: true })
  citizenId?: string | null;

  @Field(() => ID, { nullable: true })
  authorityId?: string | null;

  @Field(() => String, { nullable: true })
  templateKey?: string | null;

  @Field(() => [ConsentStatus], { nullable: true })
  status?: ConsentStatus[] | null;

  @Field(() => String, { nullable: true })
  caseReference?: string | null;

  @Field(() => Channel, { nullable: true, description: "How it was given." })
  channel?: Channel | null;

  @Field(() => Date, { nullable: true, description: "Requested at or after this." })
  requestedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: "Requested before this." })
  requestedBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: "In force (active or paused) and ending before this: the consents about to expire." })
  expiresBefore?: Date | null;

  @Field(() => Boolean, { nullable: true, description: "Withdrawn or expired, and a system that knew it has not yet confirmed it stopped acting on it." })
  stopUnconfirmed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Unanswered requests whose follow-up task for the caseworker is open (the template's follow-up)." })
  followUpOpen?: boolean | null;
}

export enum ConsentOrder {
  NEWEST_FIRST = "NEWEST_FIRST",
  OLDEST_FIRST = "OLDEST_FIRST",
}
registerEnumType(ConsentOrder, { name: "ConsentOrder", description: "By when the consent was requested." });

@ObjectType()
export class ConsentEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Consent)
  node!: Consent;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: "A page of consents, in the order asked for." })
export class ConsentConnection {
  @Field(() => [ConsentEdge])
  edges!: ConsentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counts every match; run only when `totalCount` is asked for. */
  count!: () => Promise<number>;
}

@ObjectType({ description: "How many of the authority's consents are in one status." })
export class ConsentStatusCount {
  @Field(() => ConsentStatus)
  status!: ConsentStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: "One change in a consent's history." })
export class ConsentHistoryEntry {
  @Field(() => String)
  cursor!: string;

  @Field(() => String, {
    description:
      "request, register, deliver, upload, sign (one of several givers signed), give, decline, withdraw, pause, resume, expire, markUsed, closeCase, supersede, handOver or cancel.",
  })
  action!: string;

  @Field(() => ConsentStatus, { description: "The status the change led to." })
  status!: ConsentStatus;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ActorKind, { description: "Who made the change: a citizen, a caseworker, a case system, or the platform (time, age)." })
  actorKind!: ActorKind;

  @Field(() => ID, { nullable: true, description: "The citizen, caseworker or case system; null for the platform." })
  actorId!: string | null;

  @Field(() => ID, { nullable: true, description: "The citizen the actor acted for, when not themselves." })
  onBehalfOfId!: string | null;

  @Field(() => String, { nullable: true, description: "DIGITAL, ON_BEHALF, PAPER or API." })
  channel!: string | null;

  @Field(() => String, { nullable: true, description: "Why: the caseworker's attestation, or what the platform did." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "The NSIS level of the actor's login." })
  assuranceLevel!: string | null;
}

registerEnumType(ActorKind, { name: "ActorKind" });
