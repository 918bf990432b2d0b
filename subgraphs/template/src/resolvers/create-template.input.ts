import { Field, ID, InputType, Int } from "type-graphql";
import { AssuranceLevel, ChoiceKind, DeclarationKind, Signers, type TemplateContent } from "../domain/template.js";

@InputType({ description: "A text in Danish and English." })
export class LocalizedTextInput {
  @Field(() => String)
  da!: string;

  @Field(() => String)
  en!: string;
}

@InputType()
export class ChoiceInput {
  @Field(() => String, { description: "Stable within the version (a-z, 0-9, hyphen); answers name it." })
  key!: string;

  @Field(() => ChoiceKind)
  kind!: ChoiceKind;

  @Field(() => LocalizedTextInput, { nullable: true })
  group?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput)
  label!: LocalizedTextInput;

  @Field(() => Boolean, { defaultValue: false })
  required!: boolean;

  @Field(() => Int, { nullable: true, description: "For text choices; 500 when not given, at most 2000." })
  maxLength?: number | null;
}

@InputType({ description: "Everything a draft says: its texts, choices and rules." })
export class TemplateDraftInput {
  @Field(() => DeclarationKind, { defaultValue: DeclarationKind.CONSENT })
  kind!: DeclarationKind;

  @Field(() => LocalizedTextInput)
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput)
  purpose!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { description: "What information the consent covers." })
  dataCovered!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { description: "Which parties the information is obtained from or shared with." })
  partiesCovered!: LocalizedTextInput;

  @Field(() => LocalizedTextInput)
  consequencesOfYes!: LocalizedTextInput;

  @Field(() => LocalizedTextInput)
  consequencesOfNo!: LocalizedTextInput;

  @Field(() => LocalizedTextInput)
  howToWithdraw!: LocalizedTextInput;

  @Field(() => [ChoiceInput], { defaultValue: [] })
  choices!: ChoiceInput[];

  @Field(() => Int, { nullable: true, description: "How many days a consent lasts; none for open-ended." })
  defaultValidityDays?: number | null;

  @Field(() => Date, { nullable: true, description: "A fixed end for every consent, instead of a duration." })
  fixedValidTo?: Date | null;

  @Field(() => Boolean, { defaultValue: false, description: "A consent on it may be used once." })
  singleUse!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: "Requests must name a case; closing the case ends the consent." })
  boundToCase!: boolean;

  @Field(() => Signers, { defaultValue: Signers.CITIZEN })
  signers!: Signers;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "With YOUNG_PERSON_FROM_15: when a young person of 15-17 answers alone, their custody holders get a letter that they have answered, never what.",
  })
  informCustodyHolders!: boolean;

  @Field(() => AssuranceLevel, { defaultValue: AssuranceLevel.SUBSTANTIAL })
  signingLevel!: AssuranceLevel;

  @Field(() => ID, { nullable: true, description: "A third party the data is shared onward with." })
  thirdPartyId?: string | null;

  @Field(() => Int, { nullable: true, description: "Days after a request before a citizen who has not answered gets a reminder letter (1-365); none for no reminder." })
  reminderAfterDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Days after a request before the caseworker gets a task to follow up an unanswered one (1-365, after the reminder); none for no task.",
  })
  followUpAfterDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Days a consent's personal data is kept after it ends, then erased: 30 up to the kind's maximum (5 years for a consent or power of attorney, 3 for an objection); none for the kind's default (3 years, 1 for an objection).",
  })
  retentionDays?: number | null;
}

@InputType()
export class CreateTemplateInput extends TemplateDraftInput {
  @Field(() => ID, { description: "The authority that will ask with the template." })
  authorityId!: string;

  @Field(() => String, { description: "Stable across versions (a-z, 0-9, hyphen). An existing key of the authority gets a new version." })
  key!: string;
}

/** The service's view of a draft: the texts as plain objects, the rules as given. */
export function toDraftContent(input: TemplateDraftInput) {
  const { kind, defaultValidityDays, fixedValidTo, singleUse, boundToCase, signers, informCustodyHolders, signingLevel, thirdPartyId, reminderAfterDays, followUpAfterDays, retentionDays, choices, ...texts } = input;
  const content = {
    ...Object.fromEntries(Object.entries(texts).map(([field, text]) => [field, { da: text.da, en: text.en }])),
    choices: choices.map((choice) => ({ ...choice, group: choice.group ? { ...choice.group } : null, label: { ...choice.label }, maxLength: choice.maxLength ?? null })),
  } as TemplateContent;
  return { kind, content, defaultValidityDays, fixedValidTo, singleUse, boundToCase, signers, informCustodyHolders, signingLevel, thirdPartyId, reminderAfterDays, followUpAfterDays, retentionDays };
}
