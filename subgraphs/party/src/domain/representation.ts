/** Age of majority in Denmark: custody ends, and the young person answers for themselves. */
export const AGE_OF_MAJORITY = 18;

/** The day a person born on `birthDate` comes of age (UTC dates, as CPR birth dates are). */
export function comesOfAge(birthDateInput: Date | string): Date {
  // A date column may arrive as "YYYY-MM-DD": read as midnight UTC either way.
  const birthDate = new Date(birthDateInput);
  const date = new Date(birthDate);
  date.setUTCFullYear(date.getUTCFullYear() + AGE_OF_MAJORITY);
  // Born 29 February: of age on 1 March in a year without one.
  if (date.getUTCDate() !== birthDate.getUTCDate()) date.setUTCDate(0), date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

export function isMinor(birthDate: Date | string, now: Date): boolean {
  return now < comesOfAge(birthDate);
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
