import type { Channel } from "./consent.js";

/** The smallest count shown: below it a cell could point at one citizen. */
export const MIN_SHOWN_COUNT = 5;

export const STATISTIC_COUNTS = ["requested", "answered", "given", "declined", "withdrawn", "expired"] as const;
export type StatisticCount = (typeof STATISTIC_COUNTS)[number];

/** One template's figures for a period, as counted. */
export interface RawTemplateStatistics {
  templateKey: string;
  counts: Record<StatisticCount, number>;
  channels: Record<Channel, number>;
  /** Seconds from request to answer, for the answered ones. */
  medianSecondsToAnswer: number | null;
  p90SecondsToAnswer: number | null;
}

/** The same figures as shown: a count of 1–4 is null (suppressed), and so are the answer times of fewer than five answers. */
export interface ShownTemplateStatistics {
  templateKey: string;
  counts: Record<StatisticCount, number | null>;
  channels: Record<Channel, number | null>;
  medianSecondsToAnswer: number | null;
  p90SecondsToAnswer: number | null;
}

/** A count as it may be shown: 1-4 is null (too few: it could point at one citizen), 0 and 5 up as they are. */
export const shownCount = (count: number): number | null => (count > 0 && count < MIN_SHOWN_COUNT ? null : count);

/**
 * Suppresses small cells. Zero stays: that nobody declined singles out no one. A suppressed count
 * is null, never 0, so a reader can tell "none" from "too few to show". The answer times are
 * quantiles of the answered consents, so they go with fewer than five answers.
 */
export function suppressSmallCells(raw: RawTemplateStatistics): ShownTemplateStatistics {
  const fewAnswers = raw.counts.answered < MIN_SHOWN_COUNT;
  return {
    templateKey: raw.templateKey,
    counts: Object.fromEntries(STATISTIC_COUNTS.map((name) => [name, shownCount(raw.counts[name])])) as Record<StatisticCount, number | null>,
    channels: Object.fromEntries(Object.entries(raw.channels).map(([channel, count]) => [channel, shownCount(count)])) as Record<Channel, number | null>,
    medianSecondsToAnswer: fewAnswers ? null : raw.medianSecondsToAnswer,
    p90SecondsToAnswer: fewAnswers ? null : raw.p90SecondsToAnswer,
  };
}
