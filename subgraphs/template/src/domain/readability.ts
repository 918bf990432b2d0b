import { TEXT_FIELDS, type TemplateContent } from "./template.js";

/**
 * LIX (læsbarhedsindeks), the Danish readability index: words per sentence plus the share of long
 * words (more than six letters) in per cent. Under 35 is easy, 35–44 medium, 45 and above hard;
 * texts for citizens should stay under 45. A text of fewer than ten words (a title, a name) has no
 * score: two long words in a three-word title would read as "hard", which says nothing.
 */
export function lix(text: string): number | null {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  if (words.length < MIN_WORDS) return null;
  // A sentence ends at . ! ? or : followed by a space or the end; a text without any is one sentence.
  const sentences = Math.max(1, (text.match(/[.!?:]+(?=\s|$)/g) ?? []).length);
  const long = words.filter((word) => word.replace(/[-'’]/g, "").length > 6).length;
  return Math.round(words.length / sentences + (long * 100) / words.length);
}

export const LIX_HARD = 45;
const MIN_WORDS = 10;

/**
 * Above this, a Danish text is too hard to publish without a recorded reason: LIX 55 and over is
 * "very hard" (academic prose, law), where texts for citizens should be plain.
 */
export const LIX_PUBLISH_LIMIT = 55;

/** One Danish text of a template and its LIX (null when it is too short to score). */
export interface TextReadability {
  /** Where it is: `purpose`, `choices.2.label`, … */
  field: string;
  lix: number | null;
}

/** The LIX of each Danish text a citizen reads in a template: the seven texts, then each choice's group and label. */
export function readabilityOf(content: TemplateContent): TextReadability[] {
  const texts: { field: string; text: string }[] = TEXT_FIELDS.map((field) => ({ field, text: content[field].da }));
  content.choices.forEach((choice, index) => {
    if (choice.group) texts.push({ field: `choices.${index}.group`, text: choice.group.da });
    texts.push({ field: `choices.${index}.label`, text: choice.label.da });
  });
  return texts.map(({ field, text }) => ({ field, lix: lix(text) }));
}

/**
 * The texts that stop a version being published: those scoring over LIX_PUBLISH_LIMIT, unless the
 * authority records why the version must say it so (a legal term, a diagnosis).
 */
export function tooHardToPublish(readability: readonly TextReadability[], reason: string | null | undefined): TextReadability[] {
  if (reason?.trim()) return [];
  return readability.filter((text) => text.lix !== null && text.lix > LIX_PUBLISH_LIMIT);
}
