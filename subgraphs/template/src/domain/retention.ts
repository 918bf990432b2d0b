/**
 * How long the personal data of a consent (the answers, signatures, scans, letters and the link to
 * the person) is kept after the consent ends, by the legal basis the kind of declaration rests on
 * (GDPR art. 5(1)(e): no longer than needed). A version may say less than its basis allows, never
 * more, and never less than the minimum.
 *
 * - A consent or a power of attorney (art. 6(1)(a)): the authority must be able to show what the
 *   citizen agreed to (art. 7(1)) while a claim about the processing can still be raised, which the
 *   general limitation period of three years allows (forældelsesloven § 3): 3 years by default, at
 *   most 5 (the longest limitation period for a claim the authority did not know of, § 3(2)).
 * - An objection against processing in the public interest (art. 6(1)(e)): once the objection has
 *   ended there is less to show: 1 year by default, at most 3.
 * - At least 30 days for every kind, so a citizen can still fetch their receipt and their copy of
 *   everything after a consent ends.
 *
 * Plain data, imported by the template subgraph (validation), the caseworker app (the editor's
 * hint) and the public register (DPV's storage duration).
 */

export interface RetentionRule {
  /** The GDPR article the kind rests on, as the public register names it. */
  legalBasis: "A6-1-a" | "A6-1-e";
  defaultDays: number;
  maximumDays: number;
}

export const MIN_RETENTION_DAYS = 30;

const YEAR = 365;

export const RETENTION_BY_KIND: Record<string, RetentionRule> = {
  CONSENT: { legalBasis: "A6-1-a", defaultDays: 3 * YEAR, maximumDays: 5 * YEAR },
  POWER_OF_ATTORNEY: { legalBasis: "A6-1-a", defaultDays: 3 * YEAR, maximumDays: 5 * YEAR },
  OBJECTION: { legalBasis: "A6-1-e", defaultDays: YEAR, maximumDays: 3 * YEAR },
};

export function retentionRuleFor(kind: string): RetentionRule {
  return RETENTION_BY_KIND[kind] ?? RETENTION_BY_KIND.CONSENT!;
}

export type RetentionCheck = { ok: true; days: number } | { ok: false; minimumDays: number; maximumDays: number };

/** The days a version keeps personal data after a consent ends: as asked, or its basis's default when not asked. */
export function retentionDaysFor(kind: string, asked: number | null | undefined): RetentionCheck {
  const rule = retentionRuleFor(kind);
  const days = asked ?? rule.defaultDays;
  if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > rule.maximumDays) {
    return { ok: false, minimumDays: MIN_RETENTION_DAYS, maximumDays: rule.maximumDays };
  }
  return { ok: true, days };
}
