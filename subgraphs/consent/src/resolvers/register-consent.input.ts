import { Field, InputType } from "type-graphql";
import { ConsentSubjectInput } from "./request-consent.input.js";

@InputType({ description: "The answer to one choice: `checked` for a checkbox (required: nothing is pre-ticked), `text` for a text field." })
export class ChoiceAnswerInput {
  @Field(() => String)
  key!: string;

  @Field(() => Boolean, { nullable: true })
  checked?: boolean | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}

export const toAnswers = (answers: readonly ChoiceAnswerInput[]) =>
  answers.map(({ key, checked, text }) => ({ key, checked: checked ?? null, text: text ?? null }));

@InputType({ description: "A consent the citizen gave in person or by phone, attested by the signed-in caseworker." })
export class RegisterConsentInput extends ConsentSubjectInput {
  @Field(() => String, { description: "How and when the citizen gave it, in the caseworker's words (at most 1000 characters)." })
  statement!: string;

  @Field(() => [ChoiceAnswerInput], { defaultValue: [], description: "The citizen's answer to every choice of the template." })
  answers!: ChoiceAnswerInput[];
}

@InputType({ description: "A signed paper consent: the scan, the answers on the form, and the caseworker's attestation." })
export class UploadPaperConsentInput extends RegisterConsentInput {
  @Field(() => String, { description: "The scanned form, base64-encoded: PDF, PNG or JPEG, at most 10 MB." })
  scanBase64!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => Date, { description: "The date the citizen signed the form; not in the future." })
  signedAt!: Date;

  @Field(() => String, { nullable: true, description: "Send the same key when retrying: nothing is created twice." })
  idempotencyKey?: string | null;
}

@InputType({ description: "A consent a case system collected itself, handed over with its evidence." })
export class DeliverConsentInput extends ConsentSubjectInput {
  @Field(() => Date, { description: "When the citizen gave it; not in the future." })
  givenAt!: Date;

  @Field(() => String, { description: "Where the evidence is kept in that system (document id, journal number)." })
  evidenceReference!: string;

  @Field(() => [ChoiceAnswerInput], { defaultValue: [], description: "The citizen's answer to every choice of the template." })
  answers!: ChoiceAnswerInput[];

  @Field(() => String, { nullable: true, description: "Send the same key when retrying: nothing is created twice." })
  idempotencyKey?: string | null;
}
