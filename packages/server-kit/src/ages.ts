/**
 * Birthdays and ages as the person register counts them (UTC dates, as CPR birth dates are): the
 * party subgraph decides custody by them, the consent subgraph who answers a request.
 */

/** The day a person born on `birthDate` turns `years` old. */
export function birthday(birthDateInput: Date | string, years: number): Date {
  // A date column may arrive as "YYYY-MM-DD": read as midnight UTC either way.
  const birthDate = new Date(birthDateInput);
  const date = new Date(birthDate);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  // Born 29 February: the birthday is 1 March in a year without one.
  if (date.getUTCDate() !== birthDate.getUTCDate()) date.setUTCDate(0), date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/** Whole years of age at `now`. */
export function ageOn(birthDateInput: Date | string, now: Date): number {
  const birthDate = new Date(birthDateInput);
  const years = now.getUTCFullYear() - birthDate.getUTCFullYear();
  return birthday(birthDate, years) <= now ? years : years - 1;
}
