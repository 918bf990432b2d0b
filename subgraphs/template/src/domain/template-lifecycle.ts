import { ConflictError, InvalidTransitionError, ValidationError } from "@samtykke/server-kit";
import { TemplateStatus, type LocalizedText, type TemplateContent } from "./template.js";

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{2,99}$/;
const MAX_TITLE = 200;
const MAX_TEXT = 5_000;
const MAX_VALIDITY_DAYS = 10 * 366;

function requireText(field: string, text: LocalizedText, max: number) {
  for (const language of ["da", "en"] as const) {
    const value = text[language]?.trim() ?? "";
    if (!value || value.length > max) {
      throw new ValidationError(
        {
          da: `Feltet ${field} (${language}) skal udfyldes med højst ${max} tegn.`,
          en: `The field ${field} (${language}) must be filled in with at most ${max} characters.`,
        },
        { field: `${field}.${language}` },
      );
    }
  }
  return { da: text.da.trim(), en: text.en.trim() };
}

/** A new draft's fields, checked: a stable key, texts in both languages, a sane validity. */
export function validateDraft(input: { key: string; content: TemplateContent; defaultValidityDays?: number | null }) {
  const key = input.key.trim();
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError(
      {
        da: "Nøglen skal være 3-100 tegn: små bogstaver a-z, tal og bindestreg.",
        en: "The key must be 3-100 characters: lower-case letters a-z, digits and hyphens.",
      },
      { field: "key" },
    );
  }
  const days = input.defaultValidityDays ?? null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS)) {
    throw new ValidationError(
      { da: `Gyldigheden skal være 1-${MAX_VALIDITY_DAYS} dage.`, en: `The validity must be 1-${MAX_VALIDITY_DAYS} days.` },
      { field: "defaultValidityDays" },
    );
  }
  return {
    key,
    defaultValidityDays: days,
    content: { title: requireText("title", input.content.title, MAX_TITLE), purpose: requireText("purpose", input.content.purpose, MAX_TEXT) },
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
