import canonicalize from "canonicalize";
import { ConflictError, ValidationError } from "@samtykke/server-kit";
import { ConsentStatus, nextStatus, type ConsentAction } from "./consent-state.js";
import { followUpPlan, type FollowUpRules } from "./follow-up.js";
import { requiredSigners, type Subject } from "./who-signs.js";
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
export type TemplateSnapshot = ConsentBody & FollowUpRules & {
  id: string;
  key: string;
  version: number;
  status: string;
  kind: string;
  authorityId: string;
  /** Where the authority's services may send a citizen back to (a request's returnUrl lies under one). */
  authorityReturnAddresses?: readonly string[];
  defaultValidityDays: number | null;
  fixedValidTo: Date | null;
  /** Days a consent's personal data is kept after it ends. */
  retentionDays: number;
  singleUse: boolean;
  boundToCase: boolean;
  signers: string;
  /** With YOUNG_PERSON_FROM_15: the custody holders are told (never what) when a young person of 15-17 answers alone. */
  informCustodyHolders?: boolean | null;
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
  retentionDays: number;
  singleUse: boolean;
  signers: string;
  signingLevel: string;
  requestedAt: Date;
  answerBy: Date;
  /** The automatic reminder and the caseworker's follow-up task, when the template has them. */
  reminderDueAt: Date | null;
  followUpDueAt: Date | null;
  message: string | null;
  returnUrl: string | null;
}

/**
 * A request's return address, if it lies under one the authority registered: the same origin, and
 * a path at or below the registered one. Anything else is refused, so no request can send a
 * citizen from the platform to a stranger's site (an open redirect).
 */
export function checkedReturnUrl(returnUrl: string | null | undefined, registered: readonly string[]): string | null {
  const wanted = returnUrl?.trim();
  if (!wanted) return null;
  const refused = () =>
    new ValidationError(
      { da: "Returadressen er ikke en af myndighedens registrerede adresser.", en: "The return address is not one of the authority's registered addresses." },
      { field: "returnUrl" },
    );
  let url: URL;
  try {
    url = new URL(wanted);
  } catch {
    throw refused();
  }
  if (url.username || url.password || (url.protocol !== "https:" && url.protocol !== "http:")) throw refused();
  const allowed = registered.some((address) => {
    const base = new URL(address);
    const path = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
    return url.origin === base.origin && (url.pathname === base.pathname || url.pathname.startsWith(path));
  });
  if (!allowed) throw refused();
  return url.toString();
}

/** The most an authority may write to the citizen with a request. */
export const MAX_REQUEST_MESSAGE = 1_000;

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_CASE_REFERENCE = 100;
// Control characters, and format characters: bidi overrides and isolates, zero-width spaces and
// joiners, soft hyphens. Invisible on screen, they make two case references look alike or one read
// backwards in a list, a letter or a receipt.
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}]/u;

/**
 * A case reference as written (trimmed), or null for none: at most 100 characters, and nothing that
 * hides or reorders text. The same rule for a consent's reference and for a search by one.
 */
export function caseReferenceOf(text: string | null | undefined): string | null {
  const caseReference = text?.trim() || null;
  if (caseReference && caseReference.length > MAX_CASE_REFERENCE) {
    throw new ValidationError(
      { da: `Sagsnummeret må højst være ${MAX_CASE_REFERENCE} tegn.`, en: `The case reference may be at most ${MAX_CASE_REFERENCE} characters.` },
      { field: "caseReference" },
    );
  }
  if (caseReference && HIDDEN_CHARACTERS.test(caseReference)) {
    throw new ValidationError(
      {
        da: "Sagsnummeret indeholder usynlige tegn (fx tegn, der vender teksten eller har nul bredde). Skriv det igen uden dem.",
        en: "The case reference holds invisible characters (such as ones that reverse text or have zero width). Type it again without them.",
      },
      { field: "caseReference" },
    );
  }
  return caseReference;
}
/** How long a citizen has to answer a request when the caseworker sets no deadline. */
export const DEFAULT_ANSWER_DAYS = 30;

/** A request for consent on a published template version, for one citizen. */
export function createRequest(input: {
  template: TemplateSnapshot;
  subjectId: string;
  caseReference?: string | null;
  answerBy?: Date | null;
  /** The authority's own words to the citizen, shown with the request; not part of what is signed. */
  message?: string | null;
  /** Where the citizen goes back to after answering: under one of the authority's registered addresses. */
  returnUrl?: string | null;
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
  const caseReference = caseReferenceOf(input.caseReference);
  if (template.boundToCase && !caseReference) {
    throw new ValidationError(
      {
        da: "Skabelonen er bundet til en sag: angiv sagsnummeret, så samtykket ophører, når sagen lukkes.",
        en: "The template is bound to a case: give the case reference, so the consent ends when the case is closed.",
      },
      { field: "caseReference" },
    );
  }
  const message = input.message?.trim() || null;
  if (message && message.length > MAX_REQUEST_MESSAGE) {
    throw new ValidationError(
      { da: `Beskeden til borgeren må højst være ${MAX_REQUEST_MESSAGE} tegn.`, en: `The message to the citizen may be at most ${MAX_REQUEST_MESSAGE} characters.` },
      { field: "message" },
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
    retentionDays: template.retentionDays,
    singleUse: template.singleUse,
    signers: template.signers,
    signingLevel: template.signingLevel,
    requestedAt: now,
    answerBy,
    ...followUpPlan(template, now, answerBy),
    message,
    returnUrl: checkedReturnUrl(input.returnUrl, template.authorityReturnAddresses ?? []),
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
  subject: Subject;
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
  const request = {
    ...createRequest({ template: input.template, subjectId: input.subject.id, caseReference: input.caseReference, now: input.now }),
    ...requiredSigners(input.template, input.subject, input.now),
  };
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
  // The attestation covers every required signer: both custody holders signed the paper form.
  let given: ReturnType<typeof give> | undefined;
  for (const signerId of request.requiredSignerIds) {
    given = give(
      { ...request, ...given, id: input.id, attachments: input.attachments },
      { signerId, method, attestedBy: input.attestation.attestedBy, answers: input.answers },
      input.givenAt,
    );
  }
  return {
    ...request,
    ...given!,
    // Given at once: there is nobody to remind and nothing to follow up.
    reminderDueAt: null,
    followUpDueAt: null,
    id: input.id,
    channel: input.channel,
    attestation: { attestedBy: input.attestation.attestedBy, statement },
  };
}

export interface Signing {
  signerId: string;
  /** The citizen an attorney signs for. */
  onBehalfOfId?: string | null;
  method: SignatureMethod;
  attestedBy: string | null;
  answers: readonly ChoiceAnswer[];
  assuranceLevel?: string | null;
  loginTransactionId?: string | null;
}

type Givable = Parameters<typeof signedContent>[0] & {
  status: ConsentStatus;
  /** Whose signatures it needs; empty or absent means the subject's alone. */
  requiredSignerIds?: readonly string[] | null;
  signatures?: readonly Signature[] | null;
};

/** Whose required signature a signature is: the person an attorney signed for, else the signer. */
const slotOf = (signature: Pick<Signature, "signerId" | "onBehalfOfId">) => signature.onBehalfOfId ?? signature.signerId;

/**
 * Giving a requested consent: the answers are checked against the choices shown, the giver signs
 * the canonical hash of header, texts and answers. With several givers (a child's custody holders)
 * each signs the same answers, and the consent stays REQUESTED until the last one has; then it is
 * ACTIVE from now for the template's period (or until its fixed end).
 */
export function give(consent: Givable, signing: Signing, now: Date) {
  const status = nextStatus(consent.status, "give");
  const answers = validateAnswers(consent.body.choices, signing.answers);
  const earlier = consent.signatures ?? [];
  const required = consent.requiredSignerIds?.length ? consent.requiredSignerIds : [consent.subjectId];
  const slot = slotOf(signing);
  if (!required.includes(slot)) {
    throw new ValidationError({ da: "Du er ikke blandt dem, der skal give dette samtykke.", en: "You are not among those who must give this consent." }, { field: "id" });
  }
  if (earlier.some((signature) => slotOf(signature) === slot)) {
    throw new ConflictError(
      { da: "Du har allerede givet samtykket; det afventer den anden forælders svar.", en: "You have already given this consent; it awaits the other custody holder's answer." },
      { field: "id" },
    );
  }
  if (earlier.length && consent.answers && canonicalize(consent.answers) !== canonicalize(answers)) {
    throw new ValidationError(
      {
        da: "Svarene skal være de samme, som den anden forælder gav. Læs dem og svar igen, eller afvis samtykket.",
        en: "The answers must be the same as those the other custody holder gave. Read them and answer again, or decline the consent.",
      },
      { field: "answers" },
    );
  }
  const signature: Signature = {
    signerId: signing.signerId,
    ...(signing.onBehalfOfId ? { onBehalfOfId: signing.onBehalfOfId } : {}),
    method: signing.method,
    attestedBy: signing.attestedBy,
    contentHash: contentHash(signedContent({ ...consent, answers })),
    signedAt: now.toISOString(),
    ...(signing.assuranceLevel ? { assuranceLevel: signing.assuranceLevel, loginTransactionId: signing.loginTransactionId ?? null } : {}),
  };
  const signatures = [...earlier, signature];
  const complete = required.every((id) => signatures.some((candidate) => slotOf(candidate) === id));
  if (!complete) return { status: consent.status, answers, signatures };
  const { answeredAt, validFrom, validTo } = inForceFrom(consent, now);
  return { status, answers, signatures, answeredAt, validFrom, validTo };
}

/** A consent whose last giver has signed: in force from `now`, for the template's period (or until its fixed end). */
export function inForceFrom(consent: { fixedValidTo?: Date | null; validityDays?: number | null }, now: Date) {
  const validTo = consent.fixedValidTo ?? (consent.validityDays ? new Date(now.getTime() + consent.validityDays * DAY_MS) : null);
  return { answeredAt: now, validFrom: now, validTo };
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
  remindedAt?: Date;
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
  if (action === "remind") return { status, remindedAt: now };
  // A pause, a resume, or what leaves a request standing (a follow-up, a change of givers) ends nothing.
  if (action === "pause" || action === "resume" || status === consent.status) return { status };
  return { status, endedAt: now };
}

/**
 * What time alone does to a consent at `now`: a consent past its end expires, a request past its
 * answer deadline lapses as UNANSWERED; anything else is left alone (null).
 */
export function dueAction(consent: { status: ConsentStatus; validTo?: Date | null; answerBy?: Date | null }, now: Date): "expire" | "lapse" | null {
  if ((consent.status === ConsentStatus.ACTIVE || consent.status === ConsentStatus.PAUSED) && consent.validTo && consent.validTo <= now) return "expire";
  if (consent.status === ConsentStatus.REQUESTED && consent.answerBy && consent.answerBy <= now) return "lapse";
  return null;
}
