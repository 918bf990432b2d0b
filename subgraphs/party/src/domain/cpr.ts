import { ValidationError } from "@samtykke/server-kit";

export interface ParsedCpr {
  /** The ten digits without dash. */
  value: string;
  birthDate: Date;
}

const invalid = (reason: { da: string; en: string }) =>
  new ValidationError(
    { da: `Ugyldigt CPR-nummer: ${reason.da}`, en: `Invalid CPR number: ${reason.en}` },
    { field: "cpr" },
  );

/**
 * The century of a CPR birth date follows from the 7th digit and the two-digit year (the CPR
 * office's table). There is no modulus-11 check: numbers without it have been issued since 2007.
 */
function fullYear(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  return (twoDigitYear <= 57 ? 2000 : 1800) + twoDigitYear;
}

/** Validates a CPR number written as DDMMYYNNNN or DDMMYY-NNNN and derives the birth date. */
export function parseCpr(input: string): ParsedCpr {
  const trimmed = input.trim();
  if (!/^\d{6}-?\d{4}$/.test(trimmed)) {
    throw invalid({ da: "skal være 10 cifre (DDMMÅÅ-NNNN)", en: "must be 10 digits (DDMMYY-NNNN)" });
  }
  const value = trimmed.replace("-", "");
  const day = Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const year = fullYear(Number(value.slice(4, 6)), Number(value[6]));
  const birthDate = new Date(Date.UTC(year, month - 1, day));
  if (birthDate.getUTCFullYear() !== year || birthDate.getUTCMonth() !== month - 1 || birthDate.getUTCDate() !== day) {
    throw invalid({ da: "de første seks cifre er ikke en gyldig dato", en: "the first six digits are not a valid date" });
  }
  return { value, birthDate };
}

/** Shows a CPR number with its serial hidden, as to anyone who may not see it whole. */
export function maskCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-xxxx`;
}
