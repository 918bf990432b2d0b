import { Field, ID, InputType } from "type-graphql";

@InputType()
export class RequestConsentInput {
  @Field(() => ID, { description: "A published template version." })
  templateId!: string;

  @Field(() => String, { description: "The citizen's CPR number (DDMMYY-NNNN)." })
  cpr!: string;

  @Field(() => String, { nullable: true, description: "The authority's case the consent belongs to." })
  caseReference?: string | null;

  @Field(() => Date, { nullable: true, description: "Unanswered by then, the request is cancelled. Default: 30 days." })
  answerBy?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Send the same key when retrying: the retry returns the first answer and creates nothing twice.",
  })
  idempotencyKey?: string | null;
}
