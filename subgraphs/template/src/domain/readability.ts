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
