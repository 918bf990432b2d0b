import { ConflictError, InvalidTransitionError, ValidationError } from "@samtykke/server-kit";
import { ChoiceKind, TEXT_FIELDS, TemplateStatus, type Choice, type LocalizedText, type TemplateContent } from "./template.js";
import { LIX_PUBLISH_LIMIT, readabilityOf, tooHardToPublish } from "./readability.js";
import { retentionDaysFor } from "./retention.js";

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{2,99}$/;
const CHOICE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;
const MAX_TITLE = 200;
const MAX_LABEL = 500;
const MAX_TEXT = 5_000;
const MAX_CHOICES = 50;
const MAX_ANSWER_LENGTH = 2_000;
const MAX_VALIDITY_DAYS = 10 * 366;

function invalid(field: string, da: string, en: string): ValidationError {
  return new ValidationError({ da, en }, { field });
}

function requireText(field: string, text: LocalizedText | null | undefined, max: number): LocalizedText {
  for (const language of ["da", "en"] as const) {
    const value = text?.[language]?.trim() ?? "";
    if (!value || value.length > max) {
      throw invalid(
        `${field}.${language}`,
        `Feltet ${field} (${language}) skal udfyldes med højst ${max} tegn.`,
        `The field ${field} (${language}) must be filled in with at most ${max} characters.`,
      );
    }
  }
  return { da: text!.da.trim(), en: text!.en.trim() };
}

function validateChoices(choices: readonly Choice[]): Choice[] {
  if (choices.length > MAX_CHOICES) {
    throw invalid("choices", `En skabelon kan højst have ${MAX_CHOICES} valg.`, `A template can have at most ${MAX_CHOICES} choices.`);
  }
  const seen = new Set<string>();
  return choices.map((choice, index) => {
    const field = `choices.${index}`;
    const key = choice.key.trim();
    if (!CHOICE_KEY_PATTERN.test(key)) {
      throw invalid(`${field}.key`, "Et valgs nøgle skal være 1-60 tegn: a-z, tal og bindestreg.", "A choice key must be 1-60 characters: a-z, digits and hyphens.");
    }
    if (seen.has(key)) throw invalid(`${field}.key`, `Nøglen ${key} bruges af to valg.`, `The key ${key} is used by two choices.`);
    seen.add(key);
    const maxLength = choice.kind === ChoiceKind.TEXT ? (choice.maxLength ?? 500) : null;
    if (maxLength !== null && (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_ANSWER_LENGTH)) {
      throw invalid(`${field}.maxLength`, `Et tekstfelt kan højst tillade ${MAX_ANSWER_LENGTH} tegn.`, `A text field can allow at most ${MAX_ANSWER_LENGTH} characters.`);
    }
    return {
      key,
      kind: choice.kind,
      group: choice.group ? requireText(`${field}.group`, choice.group, MAX_LABEL) : null,
      label: requireText(`${field}.label`, choice.label, MAX_LABEL),
      required: choice.required,
      maxLength,
    };
  });
}

/** How long a consent on the template lasts: a number of days from when it is given, a fixed end, or open-ended. */
export function validateValidity(input: { defaultValidityDays?: number | null; fixedValidTo?: Date | null }, now: Date) {
  const days = input.defaultValidityDays ?? null;
  const fixedValidTo = input.fixedValidTo ?? null;
  if (days !== null && fixedValidTo !== null) {
    throw invalid("fixedValidTo", "Angiv enten en varighed eller en fast slutdato, ikke begge.", "Give either a duration or a fixed end date, not both.");
  }
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS)) {
    throw invalid("defaultValidityDays", `Gyldigheden skal være 1-${MAX_VALIDITY_DAYS} dage.`, `The validity must be 1-${MAX_VALIDITY_DAYS} days.`);
  }
  if (fixedValidTo !== null && fixedValidTo <= now) {
    throw invalid("fixedValidTo", "Slutdatoen skal ligge i fremtiden.", "The end date must be in the future.");
  }
  return { defaultValidityDays: days, fixedValidTo };
}

/** The longest a request may wait for its reminder or its caseworker follow-up. */
const MAX_FOLLOW_UP_DAYS = 365;

/**
 * What happens to a request nobody answers: a reminder letter after `reminderAfterDays`, then a
 * task for the caseworker after `followUpAfterDays` (call the citizen, help in person, register on
 * paper). Either may be left out; when both are set, the task comes after the reminder.
 */
export function validateFollowUp(input: { reminderAfterDays?: number | null; followUpAfterDays?: number | null }) {
  const reminderAfterDays = input.reminderAfterDays ?? null;
  const followUpAfterDays = input.followUpAfterDays ?? null;
  for (const [field, days] of [["reminderAfterDays", reminderAfterDays], ["followUpAfterDays", followUpAfterDays]] as const) {
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_FOLLOW_UP_DAYS)) {
      throw invalid(field, `Antal dage skal være 1-${MAX_FOLLOW_UP_DAYS}.`, `The number of days must be 1-${MAX_FOLLOW_UP_DAYS}.`);
    }
  }
  if (reminderAfterDays !== null && followUpAfterDays !== null && followUpAfterDays <= reminderAfterDays) {
    throw invalid(
      "followUpAfterDays",
      "Sagsbehandlerens opfølgning skal komme efter påmindelsen til borgeren.",
      "The caseworker's follow-up must come after the reminder to the citizen.",
    );
  }
  return { reminderAfterDays, followUpAfterDays };
}

/** How long a consent's personal data is kept after it ends: within what the kind's legal basis allows, its default when not given. */
export function validateRetention(input: { kind: string; retentionDays?: number | null }) {
  const check = retentionDaysFor(input.kind, input.retentionDays);
  if (!check.ok) {
    throw invalid(
      "retentionDays",
      `Opbevaringstiden efter ophør skal være ${check.minimumDays}-${check.maximumDays} dage for denne slags erklæring.`,
      `The retention after the end must be ${check.minimumDays}-${check.maximumDays} days for this kind of declaration.`,
    );
  }
  return { retentionDays: check.days };
}

/** A new draft's fields, checked: a stable key, every text in both languages, valid choices, a sane validity, follow-up and retention. */
export function validateDraft(
  input: {
    key: string;
    kind?: string;
    retentionDays?: number | null;
    content: TemplateContent;
    defaultValidityDays?: number | null;
    fixedValidTo?: Date | null;
    reminderAfterDays?: number | null;
    followUpAfterDays?: number | null;
  },
  now: Date,
) {
  const key = input.key.trim();
  if (!KEY_PATTERN.test(key)) {
    throw invalid(
      "key",
      "Nøglen skal være 3-100 tegn: små bogstaver a-z, tal og bindestreg.",
      "The key must be 3-100 characters: lower-case letters a-z, digits and hyphens.",
    );
  }
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => [field, requireText(field, input.content[field], field === "title" ? MAX_TITLE : MAX_TEXT)]),
  ) as Omit<TemplateContent, "choices">;
  return {
    key,
    ...validateValidity(input, now),
    ...validateFollowUp(input),
    ...validateRetention({ kind: input.kind ?? "CONSENT", retentionDays: input.retentionDays }),
    content: { ...texts, choices: validateChoices(input.content.choices ?? []) },
  };
}

/**
 * The version a new draft of `key` gets: one past the newest. A key belongs to the authority that
 * first used it; another authority cannot add versions to it.
 */
export function nextVersion(existing: readonly { authorityId: string; version: number }[], authorityId: string): number {
  if (existing.some((template) => template.authorityId !== authorityId)) {
    throw new ConflictError(
      { da: "Nøglen bruges allerede af en anden myndighed.", en: "The key is already used by another authority." },
      { field: "key" },
    );
  }
  return Math.max(0, ...existing.map((template) => template.version)) + 1;
}

const STATUS_DA: Record<TemplateStatus, string> = { DRAFT: "en kladde", PUBLISHED: "offentliggjort", RETIRED: "udgået" };

/** Only a draft is edited: what was published is what citizens were asked, and stays so. */
export function requireEditable(current: TemplateStatus): void {
  if (current !== TemplateStatus.DRAFT) {
    throw new InvalidTransitionError(
      {
        da: `En skabelon, der er ${STATUS_DA[current]}, kan ikke ændres. Lav en ny version.`,
        en: `A template that is ${current.toLowerCase()} cannot be changed. Make a new version.`,
      },
      { status: current, action: "edit" },
    );
  }
}

/** DRAFT -> PUBLISHED -> RETIRED, and nothing else; a published version is never changed again. */
export function transitionTemplate(current: TemplateStatus, action: "publish" | "retire"): TemplateStatus {
  const [from, to] = action === "publish" ? [TemplateStatus.DRAFT, TemplateStatus.PUBLISHED] : [TemplateStatus.PUBLISHED, TemplateStatus.RETIRED];
  if (current !== from) {
    throw new InvalidTransitionError(
      {
        da: `En skabelon, der er ${STATUS_DA[current]}, kan ikke ${action === "publish" ? "offentliggøres" : "udgå"}.`,
        en: `A template that is ${current.toLowerCase()} cannot be ${action === "publish" ? "published" : "retired"}.`,
      },
      { status: current, action },
    );
  }
  return to;
}

const MAX_READABILITY_REASON = 1_000;

const TEXT_NAMES: Record<(typeof TEXT_FIELDS)[number], LocalizedText> = {
  title: { da: "titel", en: "title" },
  purpose: { da: "formål", en: "purpose" },
  dataCovered: { da: "hvilke oplysninger", en: "what information" },
  partiesCovered: { da: "hvem", en: "who" },
  consequencesOfYes: { da: "hvis borgeren siger ja", en: "if the citizen says yes" },
  consequencesOfNo: { da: "hvis borgeren siger nej", en: "if the citizen says no" },
  howToWithdraw: { da: "sådan trækkes samtykket tilbage", en: "how to withdraw" },
};

/** A text of a template as a caseworker knows it: "formål", "valg 2 (overskrift)". */
function textName(field: string, language: "da" | "en"): string {
  const choice = /^choices\.(\d+)\.(group|label)$/.exec(field);
  if (choice) {
    const n = Number(choice[1]) + 1;
    return language === "da" ? `valg ${n}${choice[2] === "group" ? " (overskrift)" : ""}` : `choice ${n}${choice[2] === "group" ? " (heading)" : ""}`;
  }
  return TEXT_NAMES[field as keyof typeof TEXT_NAMES]?.[language] ?? field;
}

/**
 * Plain language at publishing: a version whose Danish texts score over LIX 55 is published only
 * with a reason recorded with it (a legal term, a diagnosis). Returns the reason to keep, or null.
 */
export function requirePlainOrReason(content: TemplateContent, reason: string | null): string | null {
  const kept = reason?.trim() || null;
  if (kept && kept.length > MAX_READABILITY_REASON) {
    throw invalid("readabilityReason", `Begrundelsen kan højst være ${MAX_READABILITY_REASON} tegn.`, `The reason can be at most ${MAX_READABILITY_REASON} characters.`);
  }
  const hard = tooHardToPublish(readabilityOf(content), kept);
  if (hard.length) {
    const listed = (language: "da" | "en") => hard.map((text) => `${textName(text.field, language)} (LIX ${text.lix})`).join(", ");
    throw new ValidationError(
      {
        da: `Teksterne er svære at læse: ${listed("da")}. Over LIX ${LIX_PUBLISH_LIMIT} skal de skrives enklere, eller du skal skrive, hvorfor de skal stå sådan.`,
        en: `The texts are hard to read: ${listed("en")}. Above LIX ${LIX_PUBLISH_LIMIT}, write them more plainly or say why they must stand as they are.`,
      },
      { field: "readabilityReason", hardTexts: hard },
    );
  }
  return kept;
}
