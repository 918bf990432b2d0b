import { ConsentStatus } from "./consent-state.js";
import type { Channel } from "./consent.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a citizen's copy of everything is kept for download; they can always ask for a new one. */
export const DATA_EXPORT_KEPT_DAYS = 7;

/** When an ended consent's personal data is erased: its retention (from the template version) after it ended. */
export function eraseAt(endedAt: Date, retentionDays: number): Date {
  return new Date(endedAt.getTime() + retentionDays * DAY_MS);
}

export interface CountedConsent {
  authorityId: string;
  templateKey: string;
  body: { title: { da: string; en: string } };
  requestedAt: Date;
  answeredAt?: Date | null;
  validFrom?: Date | null;
  status: ConsentStatus;
  channel?: Channel | null;
}

/**
 * What the statistics keep of a consent whose personal data is erased: who asked on which template,
 * the day (not the moment) it was asked, how long the answer took and how it ended. Nothing that
 * names the person, what they answered, or the consent's id.
 */
export function anonymousCount(consent: CountedConsent) {
  const day = new Date(consent.requestedAt);
  day.setUTCHours(0, 0, 0, 0);
  return {
    authorityId: consent.authorityId,
    templateKey: consent.templateKey,
    title: { da: consent.body.title.da, en: consent.body.title.en },
    requestedAt: day,
    answeredAfterSeconds: consent.answeredAt ? Math.round((consent.answeredAt.getTime() - consent.requestedAt.getTime()) / 1000) : null,
    given: Boolean(consent.validFrom),
    status: consent.status,
    channel: consent.channel ?? null,
  };
}
