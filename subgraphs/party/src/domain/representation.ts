/** Age of majority in Denmark: custody ends, and the young person answers for themselves. */
export const AGE_OF_MAJORITY = 18;

/** The day a person born on `birthDate` turns `years` old (UTC dates, as CPR birth dates are). */
export function birthday(birthDateInput: Date | string, years: number): Date {
  // A date column may arrive as "YYYY-MM-DD": read as midnight UTC either way.
  const birthDate = new Date(birthDateInput);
  const date = new Date(birthDate);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  // Born 29 February: the birthday is 1 March in a year without one.
  if (date.getUTCDate() !== birthDate.getUTCDate()) date.setUTCDate(0), date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/** The day a person born on `birthDate` comes of age. */
export function comesOfAge(birthDate: Date | string): Date {
  return birthday(birthDate, AGE_OF_MAJORITY);
}

export function isMinor(birthDate: Date | string, now: Date): boolean {
  return now < comesOfAge(birthDate);
}

/** Whole years of age at `now`. */
export function ageOn(birthDateInput: Date | string, now: Date): number {
  const birthDate = new Date(birthDateInput);
  const years = now.getUTCFullYear() - birthDate.getUTCFullYear();
  return birthday(birthDate, years) <= now ? years : years - 1;
}

/** A power of attorney: the attorney may act for the grantor towards the authorities named (all when none), while it lasts. */
export interface PowerOfAttorneyTerms {
  authorityIds: readonly string[];
  validFrom: Date;
  validTo: Date | null;
  revokedAt?: Date | null;
}

export function powerOfAttorneyCovers(terms: PowerOfAttorneyTerms, authorityId: string | null, now: Date): boolean {
  if (terms.revokedAt && terms.revokedAt <= now) return false;
  if (terms.validFrom > now || (terms.validTo && terms.validTo <= now)) return false;
  return authorityId === null || terms.authorityIds.length === 0 || terms.authorityIds.includes(authorityId);
}
