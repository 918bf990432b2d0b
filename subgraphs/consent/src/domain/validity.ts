import { ConsentStatus } from "./consent-state.js";

/** Why a consent check answers as it does; case systems branch on it. */
export enum ConsentCheckReason {
  VALID = "VALID",
  NO_CONSENT = "NO_CONSENT",
  NOT_ANSWERED = "NOT_ANSWERED",
  NOT_YET_VALID = "NOT_YET_VALID",
  PAUSED = "PAUSED",
  EXPIRED = "EXPIRED",
  ENDED = "ENDED",
}

export interface ValiditySubject {
  status: ConsentStatus;
  validFrom?: Date | null;
  validTo?: Date | null;
}

/**
 * Whether a consent may be acted on at `now`. A consent whose end has passed is not valid even
 * before the expiry job has marked it EXPIRED: the check must never lag behind the clock.
 */
export function checkValidity(consent: ValiditySubject | undefined, now: Date): { valid: boolean; reason: ConsentCheckReason } {
  if (!consent) return { valid: false, reason: ConsentCheckReason.NO_CONSENT };
  switch (consent.status) {
    case ConsentStatus.REQUESTED:
      return { valid: false, reason: ConsentCheckReason.NOT_ANSWERED };
    case ConsentStatus.PAUSED:
      return { valid: false, reason: ConsentCheckReason.PAUSED };
    case ConsentStatus.EXPIRED:
      return { valid: false, reason: ConsentCheckReason.EXPIRED };
    case ConsentStatus.ACTIVE:
      if (consent.validFrom && consent.validFrom > now) return { valid: false, reason: ConsentCheckReason.NOT_YET_VALID };
      if (consent.validTo && consent.validTo <= now) return { valid: false, reason: ConsentCheckReason.EXPIRED };
      return { valid: true, reason: ConsentCheckReason.VALID };
    default:
      return { valid: false, reason: ConsentCheckReason.ENDED };
  }
}

/** Picks the consent a check should judge: one in force if any, else the most recent. */
export function mostRelevant<T extends ValiditySubject & { requestedAt: Date }>(consents: readonly T[], now: Date): T | undefined {
  const newestFirst = [...consents].sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
  return newestFirst.find((consent) => checkValidity(consent, now).valid) ?? newestFirst[0];
}
