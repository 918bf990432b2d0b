import type { FollowUpState } from "../domain/follow-up.js";
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ConsentStatus } from "../domain/consent-state.js";
import { Channel } from "../domain/consent.js";
import { ConsentCheckReason, LegalBasis } from "../domain/validity.js";
import { DocumentVerdict } from "../domain/consent-document.js";
import { ChoiceKind, SignatureMethod } from "../domain/declaration.js";

registerEnumType(ChoiceKind, { name: "ChoiceKind" });
registerEnumType(SignatureMethod, { name: "SignatureMethod", description: "How a signature was made." });

registerEnumType(ConsentStatus, { name: "ConsentStatus" });
registerEnumType(Channel, { name: "ConsentChannel", description: "How a consent was given." });
registerEnumType(ConsentCheckReason, {
  name: "ConsentCheckReason",
  description: "Why a consent check answers valid or not.",
});
registerEnumType(LegalBasis, {
  name: "LegalBasis",
  description: "CONSENT: GDPR art. 6(1)(a) (and 9(2)(a) for special categories); OBJECTION: the citizen objected (frabedelse); POWER_OF_ATTORNEY: a fuldmagt.",
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

@ObjectType({ description: "The answer given to one choice." })
export class ChoiceAnswer {
  @Field(() => String)
  key!: string;

  @Field(() => Boolean, { nullable: true, description: "For a checkbox: ticked or not." })
  checked!: boolean | null;

  @Field(() => String, { nullable: true, description: "For a text field." })
  text!: string | null;
}

@ObjectType({ description: "Who agreed to exactly which content (its canonical hash), and how." })
export class Signature {
  @Field(() => Citizen, { description: "The citizen who signed: the subject, a custody holder, or an attorney." })
  signer!: Citizen;

  @Field(() => Citizen, { nullable: true, description: "The citizen an attorney signed for." })
  onBehalfOf!: Citizen | null;

  @Field(() => SignatureMethod)
  method!: SignatureMethod;

  @Field(() => String, { nullable: true, description: "The caseworker or case system that vouches for a signature not made with the citizen's own login." })
  attestedBy!: string | null;

  @Field(() => String, { description: "SHA-256 (hex) of the RFC 8785 canonical JSON of the signed header and body." })
  contentHash!: string;

  @Field(() => Date)
  signedAt!: Date;

  @Field(() => String, { nullable: true, description: "The NSIS assurance level of the login a digital signature was made with." })
  assuranceLevel!: string | null;

  @Field(() => String, { nullable: true, description: "The login transaction a digital signature was made in, to prove it later." })
  loginTransactionId!: string | null;
}

@ObjectType({ description: "Whether the stored consent still matches what was signed." })
export class ConsentIntegrity {
  @Field(() => String, { description: "The hash of the content as stored now." })
  contentHash!: string;

  @Field(() => Boolean, { description: "False if the content has changed since any signature was made." })
  intact!: boolean;
}

@ObjectType({ description: "A file of the consent, such as the scan of a signed paper form." })
export class ConsentAttachment {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: "Told from the file's content: application/pdf, image/png or image/jpeg." })
  mediaType!: string;

  @Field(() => Int, { description: "Bytes." })
  size!: number;

  @Field(() => String, { description: "SHA-256 (hex) of the file, as named in the signed content." })
  sha256!: string;
}

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class ThirdParty {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class ConsentTemplate {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A declaration of will in the common exchange format: a header (template, subject, recipient, status, validity), a body (the exact texts and choices shown, the answers, attachments) and the signatures over both." })
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

  @Field(() => String, { description: "CONSENT, OBJECTION or POWER_OF_ATTORNEY." })
  kind!: string;

  @Field(() => ThirdParty, { nullable: true, description: "A third party the authority shares the data onward with." })
  thirdParty!: ThirdParty | null;

  @Field(() => String, { description: "Who must sign: CITIZEN or CUSTODY_HOLDERS." })
  signers!: string;

  @Field(() => String, { description: "The lowest login assurance (NSIS LOW, SUBSTANTIAL, HIGH) a signature may be made with." })
  signingLevel!: string;

  @Field(() => ID, { nullable: true, description: "For a re-consent request: the consent on an older template version it would replace." })
  replacesConsentId!: string | null;

  @Field(() => Int)
  templateVersion!: number;

  @Field(() => Citizen, { description: "The citizen the consent concerns." })
  subject!: Citizen;

  @Field(() => Authority, { description: "The authority that receives the consent and is its data controller." })
  authority!: Authority;

  @Field(() => String, { nullable: true })
  caseReference!: string | null;

  @Field(() => String, { nullable: true, description: "The authority's own words to the citizen with the request; not part of what is signed." })
  message!: string | null;

  @Field(() => String, { nullable: true, description: "Where the citizen goes back to after answering: under one of the authority's registered return addresses." })
  returnUrl!: string | null;

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

  @Field(() => LocalizedText, { description: "What information it covers, as shown." })
  dataCovered!: LocalizedText;

  @Field(() => LocalizedText, { description: "Which parties it covers, as shown." })
  partiesCovered!: LocalizedText;

  @Field(() => LocalizedText)
  consequencesOfYes!: LocalizedText;

  @Field(() => LocalizedText)
  consequencesOfNo!: LocalizedText;

  @Field(() => LocalizedText)
  howToWithdraw!: LocalizedText;

  @Field(() => [Choice], { description: "The choices as shown." })
  choices!: Choice[];

  @Field(() => [ChoiceAnswer], { nullable: true, description: "The answers given; null until the consent is given." })
  answers!: ChoiceAnswer[] | null;

  @Field(() => [Signature])
  signatures!: Signature[];

  @Field(() => [Citizen], { description: "Who must give it: the subject, or each custody holder of a child. ACTIVE once all have signed." })
  givers!: Citizen[];

  @Field(() => Date, { nullable: true, description: "A fixed end from the template, instead of a duration." })
  fixedValidTo!: Date | null;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: "The deadline for answering a request." })
  answerBy!: Date | null;

  @Field(() => Date, { nullable: true, description: "When those who had not answered the request were last reminded (by letter)." })
  remindedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: "Null when the consent is open-ended." })
  validTo!: Date | null;

  @Field(() => Date, { nullable: true, description: "When it was declined, withdrawn, cancelled or otherwise ended." })
  endedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: "Once it has ended: when its personal data (answers, signatures, scans, letters, the link to the person) will be erased, as the template version's retention says. Only anonymous counts remain.",
  })
  eraseAt!: Date | null;

  /** Where its follow-up stands, for the `followUp` field the holding authority may read. */
  followUpState!: FollowUpState;
}

@ObjectType({ description: "What happens to a request nobody answers, as its template says, and how far it has come." })
export class RequestFollowUp {
  @Field(() => Date, { nullable: true, description: "When those who have not answered get a reminder letter; null once sent, or when the template has none." })
  reminderDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the caseworker gets a task to follow the request up; null once the task has opened, or when the template has none." })
  taskDueAt!: Date | null;

  @Field(() => Date, { nullable: true })
  taskOpenedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When a caseworker marked the task done; what they did is on the history." })
  taskDoneAt!: Date | null;

  @Field(() => Boolean, { description: "The task is open: the request is unanswered, the task has opened and nobody has marked it done." })
  taskOpen!: boolean;
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

  @Field(() => LegalBasis, { nullable: true, description: "What the consent is as a legal basis (from its kind); null when there is none." })
  legalBasis!: LegalBasis | null;
}

@ObjectType({ description: "One change to a consent, delivered to subscribers in cursor order." })
export class ConsentStatusEvent {
  @Field(() => String, { description: "Pass as `after` to resume from this event." })
  cursor!: string;

  @Field(() => ConsentStatus, { description: "The status the change led to, at the time of the event." })
  status!: ConsentStatus;

  @Field(() => String, {
    description:
      "What happened: request, give, sign, decline, withdraw, pause, resume, expire, markUsed, closeCase, supersede, cancel, lapse (unanswered by the deadline), remind, followUp (a task for the caseworker opened), followUpDone, register, deliver, upload, handOver, confirmStop.",
  })
  action!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Consent, { description: "The consent as it is now." })
  consent!: Consent;
}

@ObjectType({ description: "What one re-consent action did." })
export class ReconsentResult {
  @Field(() => Int, { description: "Re-consent requests created." })
  requested!: number;

  @Field(() => Int, { description: "Consents left alone: their text is the same as the new version's, a re-consent request is already open, or the new version is bound to a case and they name none." })
  skipped!: number;
}

@ObjectType({ description: "One time someone read, checked or changed a consent: who, for which authority, what, when and why." })
export class ConsentAccess {
  @Field(() => String, { description: "Where this entry stands in the log: page on from it with `after` (older) or `before` (newer)." })
  cursor!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => String, { description: "read, search, check, readFile, subscribe, or a change (request, give, withdraw, expire, ...)." })
  action!: string;

  @Field(() => String, { description: "CITIZEN, CASEWORKER, CASE_SYSTEM or PLATFORM." })
  actorKind!: string;

  @Field(() => Authority, { nullable: true, description: "The authority the caseworker or case system acted for." })
  authority!: Authority | null;

  @Field(() => ThirdParty, { nullable: true, description: "The third party that asked for access to data under the consent." })
  thirdParty!: ThirdParty | null;

  @Field(() => Consent, { nullable: true })
  consent!: Consent | null;

  @Field(() => String, { nullable: true, description: "Why: the case reference, the template asked about, or the caseworker's words." })
  purpose!: string | null;
}

registerEnumType(DocumentVerdict, { name: "DocumentVerdict", description: "What checking a consent document found." });

@ObjectType({ description: "The answer to checking a consent document against the platform's keys." })
export class DocumentVerificationResult {
  @Field(() => DocumentVerdict)
  verdict!: DocumentVerdict;

  @Field(() => String, { description: "Why, in words." })
  why!: string;

  @Field(() => String, { nullable: true, description: "The key the seal names." })
  kid!: string | null;
}

@InputType({ description: "A third party's request for named data about a citizen under a consent." })
export class DataAccessRequestInput {
  @Field(() => String)
  cpr!: string;

  @Field(() => String, { description: "The consent's template key." })
  templateKey!: string;

  @Field(() => [String], { description: "The data items asked for: choice keys of the consent the citizen answered yes." })
  scope!: string[];
}

@ObjectType({ description: "Access granted: a short-lived token the data holder verifies with the platform's keys (/.well-known/jwks.json)." })
export class DataAccessGrant {
  @Field(() => String, { description: "A JWT (ES256): sub = the citizen's id, aud = the data holder, scope, consent_id, exp." })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => [String])
  scope!: string[];

  @Field(() => Consent)
  consent!: Consent;
}

@ObjectType({ description: "Whether an access token still stands." })
export class DataAccessIntrospection {
  @Field(() => Boolean)
  active!: boolean;

  @Field(() => String, { nullable: true, description: "Why not: INVALID_OR_EXPIRED, or the consent check's reason (ENDED, PAUSED, EXPIRED, ...)." })
  reason!: string | null;

  @Field(() => Consent, { nullable: true })
  consent!: Consent | null;

  @Field(() => [String])
  scope!: string[];

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;
}
