import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConsentStatus } from "../domain/consent-state.js";
import { Channel } from "../domain/consent.js";
import { ConsentCheckReason } from "../domain/validity.js";

registerEnumType(ConsentStatus, { name: "ConsentStatus" });
registerEnumType(Channel, { name: "ConsentChannel", description: "How a consent was given." });
registerEnumType(ConsentCheckReason, {
  name: "ConsentCheckReason",
  description: "Why a consent check answers valid or not.",
});

@ObjectType({ description: "A text in Danish and English." })
@Directive("@shareable")
export class LocalizedText {
  @Field(() => String)
  da!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class ConsentTemplate {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Citizen {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Authority {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A declaration of will in the common exchange format: a header (template, subject, recipient, status, validity) and a body (the exact texts the citizen was shown)." })
@Directive('@key(fields: "id")')
export class Consent {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentStatus)
  status!: ConsentStatus;

  @Field(() => ConsentTemplate, { description: "The exact template version the consent was requested on." })
  template!: ConsentTemplate;

  @Field(() => String)
  templateKey!: string;

  @Field(() => Int)
  templateVersion!: number;

  @Field(() => Citizen, { description: "The citizen the consent concerns." })
  subject!: Citizen;

  @Field(() => Authority, { description: "The authority that receives the consent and is its data controller." })
  authority!: Authority;

  @Field(() => String, { nullable: true })
  caseReference!: string | null;

  @Field(() => Boolean, { description: "May be used once; then it is USED." })
  singleUse!: boolean;

  @Field(() => Channel, { nullable: true, description: "How it was given; null while only requested." })
  channel!: Channel | null;

  @Field(() => Attestation, { nullable: true })
  attestation!: Attestation | null;

  @Field(() => LocalizedText, { description: "The title the citizen was shown, as it was then." })
  title!: LocalizedText;

  @Field(() => LocalizedText, { description: "The purpose the citizen was shown, as it was then." })
  purpose!: LocalizedText;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: "The deadline for answering a request." })
  answerBy!: Date | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: "Null when the consent is open-ended." })
  validTo!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it was declined, withdrawn, cancelled or otherwise ended." })
  endedAt!: Date | null;
}

@ObjectType({ description: "Who vouches for a consent given outside the platform's own signing, and what they say." })
export class Attestation {
  @Field(() => String, { description: "The attesting caseworker's id, or the delivering system's name." })
  attestedBy!: string;

  @Field(() => String)
  statement!: string;
}

@ObjectType({ description: "The answer to \"is there a valid consent?\"" })
export class ConsentCheck {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => ConsentCheckReason)
  reason!: ConsentCheckReason;

  @Field(() => Consent, { nullable: true, description: "The consent the answer is based on, if any." })
  consent!: Consent | null;

  @Field(() => Date, { nullable: true })
  validTo!: Date | null;
}

@ObjectType({ description: "One change to a consent, delivered to subscribers in cursor order." })
export class ConsentStatusEvent {
  @Field(() => String, { description: "Pass as `after` to resume from this event." })
  cursor!: string;

  @Field(() => ConsentStatus, { description: "The status the change led to, at the time of the event." })
  status!: ConsentStatus;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Consent, { description: "The consent as it is now." })
  consent!: Consent;
}
