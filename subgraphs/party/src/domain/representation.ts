import { birthday } from "@samtykke/server-kit";

export { ageOn } from "@samtykke/server-kit";

/** Age of majority in Denmark: custody ends, and the young person answers for themselves. */
export const AGE_OF_MAJORITY = 18;

/** The day a person born on `birthDate` comes of age. */
export function comesOfAge(birthDate: Date | string): Date {
  return birthday(birthDate, AGE_OF_MAJORITY);
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
