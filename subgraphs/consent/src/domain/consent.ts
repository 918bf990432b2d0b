import { ValidationError } from "@samtykke/server-kit";
import { ConsentStatus, nextStatus, type ConsentAction } from "./consent-state.js";

export interface LocalizedText {
  da: string;
  en: string;
}

/** The published template version a request is made on, as the template subgraph describes it. */
export interface TemplateSnapshot {
  id: string;
  key: string;
  version: number;
  status: string;
  authorityId: string;
  title: LocalizedText;
  purpose: LocalizedText;
  defaultValidityDays: number | null;
  singleUse: boolean;
}

/** The exact texts a citizen is shown: copied into the consent, so a later template change cannot alter them. */
export interface ConsentBody {
  title: LocalizedText;
  purpose: LocalizedText;
}

export interface NewConsentRequest {
  status: ConsentStatus;
  templateId: string;
  templateKey: string;
  templateVersion: number;
  authorityId: string;
  subjectId: string;
  caseReference: string | null;
  body: ConsentBody;
  validityDays: number | null;
  singleUse: boolean;
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
    authorityId: template.authorityId,
    subjectId: input.subjectId,
    caseReference,
    body: { title: template.title, purpose: template.purpose },
    validityDays: template.defaultValidityDays,
    singleUse: template.singleUse,
    requestedAt: now,
    answerBy,
  };
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
  channel: Channel.ON_BEHALF | Channel.API;
  attestation: Attestation;
  givenAt: Date;
  now: Date;
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
  const given = give({ status: request.status, validityDays: request.validityDays }, input.givenAt);
  return { ...request, ...given, channel: input.channel, attestation: { attestedBy: input.attestation.attestedBy, statement } };
}

/** Giving a requested consent: it becomes ACTIVE from now, for the template's validity period. */
export function give(consent: { status: ConsentStatus; validityDays: number | null }, now: Date) {
  return {
    status: nextStatus(consent.status, "give"),
    answeredAt: now,
    validFrom: now,
    validTo: consent.validityDays ? new Date(now.getTime() + consent.validityDays * DAY_MS) : null,
  };
}

/** What an action changes on a consent; the event log records who and when. */
export interface ConsentChange {
  status: ConsentStatus;
  channel?: Channel;
  answeredAt?: Date;
  validFrom?: Date;
  validTo?: Date | null;
  endedAt?: Date;
}

/** Applies one action of the state machine to a consent at `now`. */
export function applyAction(
  consent: { status: ConsentStatus; validityDays: number | null; singleUse?: boolean },
  action: ConsentAction,
  now: Date,
): ConsentChange {
  if (action === "give") return { ...give(consent, now), channel: Channel.DIGITAL };
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
