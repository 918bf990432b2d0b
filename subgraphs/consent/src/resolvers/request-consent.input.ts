import { Field, ID, InputType } from "type-graphql";

/** What every way of making a consent names: the template version, the citizen and the case. */
@InputType()
export class ConsentSubjectInput {
  @Field(() => ID, { description: "A published template version." })
  templateId!: string;

  @Field(() => String, { description: "The citizen's CPR number (DDMMYY-NNNN)." })
  cpr!: string;

  @Field(() => String, { nullable: true, description: "The authority's case the consent belongs to." })
  caseReference?: string | null;
}

@InputType()
export class RequestConsentInput extends ConsentSubjectInput {
  @Field(() => Date, { nullable: true, description: "Unanswered by then, the request is cancelled. Default: 30 days." })
  answerBy?: Date | null;

  @Field(() => String, { nullable: true, description: "The authority's own words to the citizen, shown with the request and in its letter (at most 1000 characters)." })
  message?: string | null;

  @Field(() => String, { nullable: true, description: "Where the citizen app sends the citizen back to after the receipt; must lie under one of the authority's returnAddresses." })
  returnUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Send the same key when retrying: the retry returns the first answer and creates nothing twice.",
  })
  idempotencyKey?: string | null;
}
