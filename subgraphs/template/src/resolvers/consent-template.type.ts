import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { AssuranceLevel, ChoiceKind, DeclarationKind, Signers, TemplateStatus } from "../domain/template.js";
import type { ConsentTemplateEntity } from "../entities/consent-template.entity.js";

registerEnumType(TemplateStatus, { name: "TemplateStatus" });
registerEnumType(Signers, { name: "Signers", description: "Who must sign for a consent to be in force." });
registerEnumType(AssuranceLevel, { name: "AssuranceLevel", description: "NSIS assurance level of a login (MitID: low, substantial, high)." });
registerEnumType(ChoiceKind, { name: "ChoiceKind" });
registerEnumType(DeclarationKind, { name: "DeclarationKind", description: "Consent, objection (frabedelse) or power of attorney (fuldmagt)." });

@ObjectType({ description: "A text in Danish and English." })
@Directive("@shareable")
export class LocalizedText {
  @Field(() => String)
  da!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType({ description: "One structured choice the citizen answers, e.g. \"obtain from: your employer\". Nothing is pre-ticked." })
@Directive("@shareable")
export class Choice {
  @Field(() => String)
  key!: string;

  @Field(() => ChoiceKind)
  kind!: ChoiceKind;

  @Field(() => LocalizedText, { nullable: true, description: "The heading the choice is shown under." })
  group!: LocalizedText | null;

  @Field(() => LocalizedText)
  label!: LocalizedText;

  @Field(() => Boolean, { description: "A required checkbox must be answered yes to give the consent; a required text must be filled in." })
  required!: boolean;

  @Field(() => Int, { nullable: true, description: "For text choices." })
  maxLength!: number | null;
}

@ObjectType({ description: "One Danish text of a template and how hard it is to read." })
export class TextReadability {
  @Field(() => String, { description: "Which text: title, purpose, dataCovered, …, choices.<n>.group or choices.<n>.label." })
  field!: string;

  @Field(() => Int, { nullable: true, description: "Its LIX (læsbarhedsindeks); null for a text of fewer than ten words, such as a title." })
  lix!: number | null;
}

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class ThirdParty {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Authority {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A predefined, versioned text and set of rules an authority asks for consent with." })
@Directive('@key(fields: "id")')
export class ConsentTemplate {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Stable across versions." })
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => TemplateStatus)
  status!: TemplateStatus;

  @Field(() => DeclarationKind)
  kind!: DeclarationKind;

  @Field(() => Authority, { description: "The authority that asks with this template." })
  authority!: Authority;

  @Field(() => LocalizedText)
  title!: LocalizedText;

  @Field(() => LocalizedText)
  purpose!: LocalizedText;

  @Field(() => LocalizedText, { description: "What information the consent covers." })
  dataCovered!: LocalizedText;

  @Field(() => LocalizedText, { description: "Which parties the information is obtained from or shared with." })
  partiesCovered!: LocalizedText;

  @Field(() => LocalizedText, { description: "What happens if the citizen says yes." })
  consequencesOfYes!: LocalizedText;

  @Field(() => LocalizedText, { description: "What happens if the citizen says no." })
  consequencesOfNo!: LocalizedText;

  @Field(() => LocalizedText)
  howToWithdraw!: LocalizedText;

  @Field(() => [Choice])
  choices!: Choice[];

  @Field(() => Int, { nullable: true, description: "How many days a consent given on this template lasts, when it is not open-ended." })
  defaultValidityDays?: number | null;

  @Field(() => Date, { nullable: true, description: "A fixed end for every consent on this version, instead of a duration." })
  fixedValidTo!: Date | null;

  @Field(() => Boolean, { description: "A consent on it may be used once; then it is USED." })
  singleUse!: boolean;

  @Field(() => Boolean, { description: "A request must name a case; the consent ends when the case is closed." })
  boundToCase!: boolean;

  @Field(() => Int, { nullable: true, description: "Days after a request before a citizen who has not answered is reminded by letter." })
  reminderAfterDays!: number | null;

  @Field(() => Int, { nullable: true, description: "Days after a request before the caseworker gets a task to follow up an unanswered one." })
  followUpAfterDays!: number | null;

  @Field(() => Int, { description: "Days a consent's personal data (answers, signatures, scans, letters, the link to the person) is kept after it ends; then it is erased, and only anonymous counts remain." })
  retentionDays!: number;

  @Field(() => Signers)
  signers!: Signers;

  @Field(() => Boolean, { description: "When a young person of 15-17 answers alone, their custody holders get a letter that they have answered, never what." })
  informCustodyHolders!: boolean;

  @Field(() => AssuranceLevel, { description: "The lowest login assurance a signature may be made with." })
  signingLevel!: AssuranceLevel;

  @Field(() => ThirdParty, { nullable: true, description: "Who the authority shares the data onward with, if anyone." })
  thirdParty!: ThirdParty | null;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Why a text over LIX 55 was published as it stands, recorded when the version was published." })
  readabilityReason!: string | null;

  static from(entity: ConsentTemplateEntity): ConsentTemplate {
    return Object.assign(new ConsentTemplate(), {
      id: entity.id,
      key: entity.key,
      version: entity.version,
      status: entity.status,
      kind: entity.kind,
      authority: { id: entity.authorityId },
      ...entity.content,
      defaultValidityDays: entity.defaultValidityDays ?? null,
      fixedValidTo: entity.fixedValidTo ?? null,
      singleUse: entity.singleUse,
      boundToCase: entity.boundToCase,
      reminderAfterDays: entity.reminderAfterDays ?? null,
      followUpAfterDays: entity.followUpAfterDays ?? null,
      retentionDays: entity.retentionDays,
      signers: entity.signers,
      informCustodyHolders: entity.informCustodyHolders,
      signingLevel: entity.signingLevel,
      thirdParty: entity.thirdPartyId ? { id: entity.thirdPartyId } : null,
      publishedAt: entity.publishedAt ?? null,
      readabilityReason: entity.readabilityReason ?? null,
    });
  }
}
