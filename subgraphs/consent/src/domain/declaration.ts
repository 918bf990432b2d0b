import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { ValidationError } from "@samtykke/server-kit";

export interface LocalizedText {
  da: string;
  en: string;
}

export enum ChoiceKind {
  CHECKBOX = "CHECKBOX",
  TEXT = "TEXT",
}

/** One structured choice of the template version, as the citizen was shown it. */
export interface Choice {
  key: string;
  kind: ChoiceKind;
  group: LocalizedText | null;
  label: LocalizedText;
  required: boolean;
  maxLength: number | null;
}

/** The citizen's answer to one choice: ticked or not for a checkbox, the text for a text field. */
export interface ChoiceAnswer {
  key: string;
  checked: boolean | null;
  text: string | null;
}

export const TEXT_FIELDS = ["title", "purpose", "dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const;

/** The exact texts and choices the citizen is shown: copied into the consent, so a later template change cannot alter them. */
export type ConsentBody = Record<(typeof TEXT_FIELDS)[number], LocalizedText> & { choices: Choice[] };

const answerError = (key: string, da: string, en: string) => new ValidationError({ da, en }, { field: `answers.${key}` });

/**
 * Checks a set of answers against the choices shown and returns them in the choices' order.
 * Nothing is pre-ticked: every checkbox needs an explicit yes or no, and a required one must be yes.
 */
export function validateAnswers(choices: readonly Choice[], answers: readonly ChoiceAnswer[]): ChoiceAnswer[] {
  const byKey = new Map<string, ChoiceAnswer>();
  for (const answer of answers) {
    if (!choices.some((choice) => choice.key === answer.key)) {
      throw answerError(answer.key, `Valget "${answer.key}" findes ikke i samtykket.`, `The choice "${answer.key}" is not part of the consent.`);
    }
    if (byKey.has(answer.key)) throw answerError(answer.key, `Valget "${answer.key}" er besvaret to gange.`, `The choice "${answer.key}" is answered twice.`);
    byKey.set(answer.key, answer);
  }
  return choices.map((choice) => {
    const answer = byKey.get(choice.key);
    if (choice.kind === ChoiceKind.CHECKBOX) {
      if (typeof answer?.checked !== "boolean") {
        throw answerError(choice.key, `Svar ja eller nej til "${choice.label.da}".`, `Answer yes or no to "${choice.label.en}".`);
      }
      if (choice.required && !answer.checked) {
        throw answerError(
          choice.key,
          `"${choice.label.da}" skal være med, for at du kan give samtykke. Du kan i stedet afvise.`,
          `"${choice.label.en}" must be included for you to give consent. You can decline instead.`,
        );
      }
      return { key: choice.key, checked: answer.checked, text: null };
    }
    const text = answer?.text?.trim() ?? "";
    if (choice.required && !text) {
      throw answerError(choice.key, `Udfyld "${choice.label.da}".`, `Fill in "${choice.label.en}".`);
    }
    if (choice.maxLength !== null && text.length > choice.maxLength) {
      throw answerError(choice.key, `"${choice.label.da}" må højst være ${choice.maxLength} tegn.`, `"${choice.label.en}" may be at most ${choice.maxLength} characters.`);
    }
    return { key: choice.key, checked: null, text: text || null };
  });
}

/** The part of a consent its givers sign: what it is, between whom, on what terms, and the exact texts and answers. */
export interface SignedContent {
  header: {
    id: string;
    templateKey: string;
    templateVersion: number;
    kind: string;
    subjectId: string;
    authorityId: string;
    thirdPartyId: string | null;
    caseReference: string | null;
    validityDays: number | null;
    fixedValidTo: string | null;
    singleUse: boolean;
  };
  body: ConsentBody & { answers: ChoiceAnswer[]; attachments: AttachmentReference[] };
}

/** A file of the consent, named in the signed content by its hash. */
export interface AttachmentReference {
  fileName: string;
  mediaType: string;
  sha256: string;
}

export function signedContent(consent: {
  id: string;
  templateKey: string;
  templateVersion: number;
  kind: string;
  subjectId: string;
  authorityId: string;
  thirdPartyId?: string | null;
  caseReference?: string | null;
  validityDays: number | null;
  fixedValidTo?: Date | null;
  singleUse: boolean;
  body: ConsentBody;
  answers?: ChoiceAnswer[] | null;
  attachments?: readonly AttachmentReference[];
}): SignedContent {
  return {
    header: {
      id: consent.id,
      templateKey: consent.templateKey,
      templateVersion: consent.templateVersion,
      kind: consent.kind,
      subjectId: consent.subjectId,
      authorityId: consent.authorityId,
      thirdPartyId: consent.thirdPartyId ?? null,
      caseReference: consent.caseReference ?? null,
      validityDays: consent.validityDays,
      fixedValidTo: consent.fixedValidTo?.toISOString() ?? null,
      singleUse: consent.singleUse,
    },
    body: {
      ...consent.body,
      answers: consent.answers ?? [],
      attachments: (consent.attachments ?? []).map(({ fileName, mediaType, sha256 }) => ({ fileName, mediaType, sha256 })),
    },
  };
}

/**
 * SHA-256 over the RFC 8785 (JSON Canonicalization Scheme) form: the same content gives the same
 * hash whatever the key order or whitespace, and any changed byte of content gives another.
 */
export function contentHash(content: SignedContent): string {
  return createHash("sha256").update(canonicalize(content)!, "utf8").digest("hex");
}

/** How a signature was made. */
export enum SignatureMethod {
  /** The citizen signed in and signed digitally. */
  DIGITAL = "DIGITAL",
  /** A caseworker registered an oral or in-person consent and attests it. */
  ATTESTED_ON_BEHALF = "ATTESTED_ON_BEHALF",
  /** A signed paper form, scanned and attested by a caseworker. */
  ATTESTED_PAPER = "ATTESTED_PAPER",
  /** A case system delivered the consent with its own evidence. */
  DELIVERED_WITH_EVIDENCE = "DELIVERED_WITH_EVIDENCE",
}

/** Who agreed to exactly which content, and how. */
export interface Signature {
  /** The citizen who signed: the subject, a custody holder, or an attorney. */
  signerId: string;
  /** The citizen an attorney signed for; absent when the signer signed for themselves. */
  onBehalfOfId?: string | null;
  method: SignatureMethod;
  /** The caseworker or case system that vouches for a signature not made by the citizen's own login. */
  attestedBy: string | null;
  contentHash: string;
  signedAt: string;
  /** For a digital signature: the NSIS level of the login and its transaction id, to prove it later. */
  assuranceLevel?: string | null;
  loginTransactionId?: string | null;
}

/** Whether stored content still matches every signature over it: false means someone changed it afterwards. */
export function isIntact(content: SignedContent, signatures: readonly Signature[]): boolean {
  const hash = contentHash(content);
  return signatures.every((signature) => signature.contentHash === hash);
}

/** The scan formats a paper consent may be uploaded in, told apart by their first bytes, not by what the sender claims. */
const SCAN_SIGNATURES: { mediaType: string; magic: number[]; extensions: string[] }[] = [
  { mediaType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: [".pdf"] },
  { mediaType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: [".png"] },
  { mediaType: "image/jpeg", magic: [0xff, 0xd8, 0xff], extensions: [".jpg", ".jpeg"] },
];

/**
 * The file name with the extension its content calls for: a PNG named `.pdf` would open in the
 * wrong program on the computer of whoever downloads it, or in none.
 */
function nameForContent(name: string, extensions: string[]): string {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : "";
  if (extensions.includes(extension)) return name;
  // An extension has a letter in it: "samtykke 12.3.2026" has none.
  const stem = /^\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,5}$/.test(extension) ? name.slice(0, dot) : name;
  return `${stem}${extensions[0]}`;
}
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** Checks an uploaded scan by its content and returns its media type and hash. */
export function inspectScan(content: Buffer, fileName: string): AttachmentReference & { size: number } {
  const name = fileName.trim();
  if (!name || name.length > 200 || /[\\/\u0000-\u001f]/.test(name)) {
    throw new ValidationError({ da: "Filnavnet er ugyldigt.", en: "The file name is not valid." }, { field: "fileName" });
  }
  if (content.length === 0 || content.length > MAX_SCAN_BYTES) {
    throw new ValidationError(
      { da: "Scanningen skal være mellem 1 byte og 10 MB.", en: "The scan must be between 1 byte and 10 MB." },
      { field: "file", size: content.length },
    );
  }
  const match = SCAN_SIGNATURES.find(({ magic }) => magic.every((byte, index) => content[index] === byte));
  if (!match) {
    throw new ValidationError(
      { da: "Scanningen skal være en PDF-, PNG- eller JPEG-fil.", en: "The scan must be a PDF, PNG or JPEG file." },
      { field: "file" },
    );
  }
  return { fileName: nameForContent(name, match.extensions), mediaType: match.mediaType, size: content.length, sha256: createHash("sha256").update(content).digest("hex") };
}
