import { ValidationError } from "@samtykke/server-kit";

/** Where a page of a newest-first list starts: older than `after`, or the ones just newer than `before`. */
export interface NewestFirstPage {
  after?: string | null;
  before?: string | null;
}

/** Whether the page reads towards the newer end (it then reads oldest first and turns the rows round); both at once is refused. */
export function newerSide(page: NewestFirstPage): boolean {
  if (page.after && page.before) throw new ValidationError({ da: "Angiv enten after eller before, ikke begge.", en: "Give either after or before, not both." }, { field: "before" });
  return !!page.before;
}
