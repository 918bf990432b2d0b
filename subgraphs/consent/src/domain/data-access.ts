import { ForbiddenError, type LocalizedMessage } from "@samtykke/server-kit";
import type { ChoiceAnswer } from "./declaration.js";
import { checkValidity } from "./validity.js";
import type { ConsentStatus } from "./consent-state.js";

/**
 * The data-sharing gate (seed 002): a third party asks for named data about a citizen under a
 * consent; it gets a short-lived access token only if the consent is in force, names that third
 * party as recipient, and covers every item asked for (choices the citizen answered yes).
 */
export enum AccessRefusal {
  NO_VALID_CONSENT = "NO_VALID_CONSENT",
  NOT_THE_RECIPIENT = "NOT_THE_RECIPIENT",
  SCOPE_NOT_COVERED = "SCOPE_NOT_COVERED",
}

const REFUSALS: Record<AccessRefusal, LocalizedMessage> = {
  NO_VALID_CONSENT: { da: "Der er intet gyldigt samtykke til at dele disse oplysninger.", en: "There is no valid consent to share this data." },
  NOT_THE_RECIPIENT: { da: "Samtykket giver ikke jeres organisation adgang til oplysningerne.", en: "The consent does not let your organisation receive the data." },
  SCOPE_NOT_COVERED: { da: "Samtykket dækker ikke alle de oplysninger, I beder om.", en: "The consent does not cover all the data you ask for." },
};

export interface GateConsent {
  status: ConsentStatus;
  validFrom?: Date | null;
  validTo?: Date | null;
  thirdPartyId?: string | null;
  answers?: ChoiceAnswer[] | null;
}

/** The data items a consent lets go onward: the checkboxes the citizen answered yes. */
export function coveredScope(consent: Pick<GateConsent, "answers">): string[] {
  return (consent.answers ?? []).filter((answer) => answer.checked === true).map((answer) => answer.key);
}

/** Grants the scope asked for, or throws the reason it may not be granted. */
export function decideAccess(consent: GateConsent | undefined, organisationId: string, scope: readonly string[], now: Date): string[] {
  const refuse = (reason: AccessRefusal, extra: Record<string, unknown> = {}) => new ForbiddenError(REFUSALS[reason], { reason, ...extra });
  if (!consent || !checkValidity(consent, now).valid) throw refuse(AccessRefusal.NO_VALID_CONSENT);
  if (consent.thirdPartyId !== organisationId) throw refuse(AccessRefusal.NOT_THE_RECIPIENT);
  const covered = coveredScope(consent);
  const missing = scope.filter((item) => !covered.includes(item));
  if (missing.length || scope.length === 0) throw refuse(AccessRefusal.SCOPE_NOT_COVERED, { notCovered: missing });
  return [...new Set(scope)];
}
