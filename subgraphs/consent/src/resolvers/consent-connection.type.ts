import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ConsentStatus } from "../domain/consent-state.js";
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
}

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

@ObjectType({ description: "A page of consents, newest request first." })
export class ConsentConnection {
  @Field(() => [ConsentEdge])
  edges!: ConsentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: "One change in a consent's history." })
export class ConsentHistoryEntry {
  @Field(() => String)
  cursor!: string;

  @Field(() => String, { description: "request, give, decline, withdraw, pause, resume, expire, markUsed, closeCase or cancel." })
  action!: string;

  @Field(() => ConsentStatus, { description: "The status the change led to." })
  status!: ConsentStatus;

  @Field(() => Date)
  occurredAt!: Date;
}
