import { Field, ID, InputType } from "type-graphql";
import { ConsentSubjectInput } from "./request-consent.input.js";

@InputType({ description: "A consent the citizen gave in person or by phone, attested by the caseworker." })
export class RegisterConsentInput extends ConsentSubjectInput {
  @Field(() => ID, { description: "The caseworker who attests that the citizen gave it." })
  caseworkerId!: string;

  @Field(() => String, { description: "How and when the citizen gave it, in the caseworker's words (at most 1000 characters)." })
  statement!: string;
}

@InputType({ description: "A consent a case system collected itself, handed over with its evidence." })
export class DeliverConsentInput extends ConsentSubjectInput {
  @Field(() => Date, { description: "When the citizen gave it; not in the future." })
  givenAt!: Date;

  @Field(() => String, { description: "The delivering system's name." })
  systemName!: string;

  @Field(() => String, { description: "Where the evidence is kept in that system (document id, journal number)." })
  evidenceReference!: string;

  @Field(() => String, { nullable: true, description: "Send the same key when retrying: nothing is created twice." })
  idempotencyKey?: string | null;
}
