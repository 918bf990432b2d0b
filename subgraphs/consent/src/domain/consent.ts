import { ValidationError } from "@samtykke/server-kit";
import { ConsentStatus, nextStatus, type ConsentAction } from "./consent-state.js";
import {
  contentHash,
  signedContent,
  SignatureMethod,
  TEXT_FIELDS,
  validateAnswers,
  type AttachmentReference,
  type ChoiceAnswer,
  type ConsentBody,
  type Signature,
} from "./declaration.js";

/** The published template version a request is made on, as the template subgraph describes it. */
export type TemplateSnapshot = ConsentBody & {
  id: string;
  key: string;
  version: number;
  status: string;
  kind: string;
  authorityId: string;
  defaultValidityDays: number | null;
  fixedValidTo: Date | null;
  singleUse: boolean;
  boundToCase: boolean;
  signers: string;
  signingLevel: string;
  thirdPartyId: string | null;
};

export interface NewConsentRequest {
  status: ConsentStatus;
  templateId: string;
  templateKey: string;
  templateVersion: number;
  kind: string;
  authorityId: string;
  thirdPartyId: string | null;
  subjectId: string;
  caseReference: string | null;
  body: ConsentBody;
  validityDays: number | null;
  fixedValidTo: Date | null;
  singleUse: boolean;
  signers: string;
  signingLevel: string;
  requestedAt: Date;
  answerBy: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CASE_REFERENCE = 100;
/** How long a citizen has to answer a request when the caseworker sets no deadline. */
export const DEFAULT_ANSWER_DAYS = 30;

/** A request for consent on a published template version, for one citizen. */
export function createRequest(input: {
  template: TemplateSnapshot;
  subjectId: string;
  caseReference?: string | null;
  answerBy?: Date | null;
  now: Date;
}): NewConsentRequest {
  const { template, now } = input;
  if (template.status !== "PUBLISHED") {
    throw new ValidationError(
      {
        da: "Der kan kun anmodes om samtykke på en offentliggjort skabelon.",
        en: "Consent can only be requested on a published template.",
      },
      { field: "templateId", templateStatus: template.status },
    );
  }
  const caseReference = input.caseReference?.trim() || null;
  if (template.boundToCase && !caseReference) {
    throw new ValidationError(
      {
        da: "Skabelonen er bundet til en sag: angiv sagsnummeret, så samtykket ophører, når sagen lukkes.",
        en: "The template is bound to a case: give the case reference, so the consent ends when the case is closed.",
      },
      { field: "caseReference" },
    );
  }
  if (caseReference && caseReference.length > MAX_CASE_REFERENCE) {
    throw new ValidationError(
      { da: `Sagsnummeret må højst være ${MAX_CASE_REFERENCE} tegn.`, en: `The case reference may be at most ${MAX_CASE_REFERENCE} characters.` },
      { field: "caseReference" },
    );
  }
  const answerBy = input.answerBy ?? new Date(now.getTime() + DEFAULT_ANSWER_DAYS * DAY_MS);
  if (answerBy <= now) {
    throw new ValidationError(
      { da: "Svarfristen skal ligge efter i dag.", en: "The answer deadline must be in the future." },
      { field: "answerBy" },
    );
  }
  return {
    status: ConsentStatus.REQUESTED,
    templateId: template.id,
    templateKey: template.key,
    templateVersion: template.version,
    kind: template.kind,
    authorityId: template.authorityId,
    thirdPartyId: template.thirdPartyId,
    subjectId: input.subjectId,
    caseReference,
    body: snapshotBody(template),
    validityDays: template.defaultValidityDays,
    fixedValidTo: template.fixedValidTo,
    singleUse: template.singleUse,
    signers: template.signers,
    signingLevel: template.signingLevel,
    requestedAt: now,
    answerBy,
  };
}

/** A deep copy of the texts and choices, so the consent keeps what was shown whatever the template object does later. */
export function snapshotBody(template: ConsentBody): ConsentBody {
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, { da: template[field].da, en: template[field].en }]));
  return { ...(texts as Omit<ConsentBody, "choices">), choices: template.choices.map((choice) => structuredClone(choice)) };
}

/** How a consent was given. */
export enum Channel {
  /** By the citizen, signed in. */
  DIGITAL = "DIGITAL",
  /** In person or by phone, registered by a caseworker who attests it. */
  ON_BEHALF = "ON_BEHALF",
  /** On paper, scanned and attested. */
  PAPER = "PAPER",
  /** Collected by a case system and delivered through the API with its evidence. */
  API = "API",
}

export interface Attestation {
  /** The caseworker who vouches for it, or the case system that delivered it. */
  attestedBy: string;
  statement: string;
}

const MAX_STATEMENT = 1_000;

/**
 * A consent given outside the platform's own signing (in person, or collected by a case system):
 * in force from when it was given, with who vouches for it and how.
 */
export function createGiven(input: {
  template: TemplateSnapshot;
  subjectId: string;
  caseReference?: string | null;
  channel: Channel.ON_BEHALF | Channel.API | Channel.PAPER;
  attestation: Attestation;
  answers: readonly ChoiceAnswer[];
  /** The scan of a paper consent, named in the signed content by its hash. */
  attachments?: readonly AttachmentReference[];
  givenAt: Date;
  now: Date;
  id: string;
}) {
  const request = createRequest({ template: input.template, subjectId: input.subjectId, caseReference: input.caseReference, now: input.now });
  const statement = input.attestation.statement.trim();
  if (!statement || statement.length > MAX_STATEMENT) {
    throw new ValidationError(
      {
        da: `Beskriv hvordan samtykket blev givet (højst ${MAX_STATEMENT} tegn).`,
        en: `Describe how the consent was given (at most ${MAX_STATEMENT} characters).`,
      },
      { field: "attestation" },
    );
  }
  if (input.givenAt > input.now) {
    throw new ValidationError(
      { da: "Et samtykke kan ikke være givet i fremtiden.", en: "A consent cannot have been given in the future." },
      { field: "givenAt" },
    );
  }
  const method = {
    [Channel.ON_BEHALF]: SignatureMethod.ATTESTED_ON_BEHALF,
    [Channel.PAPER]: SignatureMethod.ATTESTED_PAPER,
    [Channel.API]: SignatureMethod.DELIVERED_WITH_EVIDENCE,
  }[input.channel];
  const given = give(
    { ...request, id: input.id, attachments: input.attachments },
    { signerId: input.subjectId, method, attestedBy: input.attestation.attestedBy, answers: input.answers },
    input.givenAt,
  );
  return { ...request, ...given, id: input.id, channel: input.channel, attestation: { attestedBy: input.attestation.attestedBy, statement } };
}

export interface Signing {
  signerId: string;
  method: SignatureMethod;
  attestedBy: string | null;
  answers: readonly ChoiceAnswer[];
}

type Givable = Parameters<typeof signedContent>[0] & { status: ConsentStatus };

/**
 * Giving a requested consent: the answers are checked against the choices shown, the giver signs
 * the canonical hash of header, texts and answers, and the consent is ACTIVE from now for the
 * template's period (or until its fixed end).
 */
export function give(consent: Givable, signing: Signing, now: Date) {
  const status = nextStatus(consent.status, "give");
  const answers = validateAnswers(consent.body.choices, signing.answers);
  const signature: Signature = {
    signerId: signing.signerId,
    method: signing.method,
    attestedBy: signing.attestedBy,
    contentHash: contentHash(signedContent({ ...consent, answers })),
    signedAt: now.toISOString(),
  };
  const validTo = consent.fixedValidTo ?? (consent.validityDays ? new Date(now.getTime() + consent.validityDays * DAY_MS) : null);
  return { status, answers, signatures: [signature], answeredAt: now, validFrom: now, validTo };
}

/** What an action changes on a consent; the event log records who and when. */
export interface ConsentChange {
  status: ConsentStatus;
  channel?: Channel;
  answeredAt?: Date;
  validFrom?: Date;
  validTo?: Date | null;
  endedAt?: Date;
  answers?: ChoiceAnswer[];
  signatures?: Signature[];
}

/** Applies one action of the state machine other than giving to a consent at `now`. */
export function applyAction(
  consent: { status: ConsentStatus; singleUse?: boolean },
  action: Exclude<ConsentAction, "give">,
  now: Date,
): ConsentChange {
  if (action === "markUsed" && !consent.singleUse) {
    throw new ValidationError(
      {
        da: "Kun et samtykke til engangsbrug kan markeres som brugt.",
        en: "Only a single-use consent can be marked used.",
      },
      { field: "id" },
    );
  }
  const status = nextStatus(consent.status, action);
  if (action === "decline") return { status, answeredAt: now, endedAt: now };
  if (action === "pause" || action === "resume") return { status };
  return { status, endedAt: now };
}

/**
 * What time alone does to a consent at `now`: a consent past its end expires, a request past its
 * answer deadline is cancelled; anything else is left alone (null).
 */
export function dueAction(consent: { status: ConsentStatus; validTo?: Date | null; answerBy?: Date | null }, now: Date): "expire" | "cancel" | null {
  if ((consent.status === ConsentStatus.ACTIVE || consent.status === ConsentStatus.PAUSED) && consent.validTo && consent.validTo <= now) return "expire";
  if (consent.status === ConsentStatus.REQUESTED && consent.answerBy && consent.answerBy <= now) return "cancel";
  return null;
}
