import { describe, expect, it } from "vitest";
import { Channel } from "./consent.js";
import { suppressSmallCells, type RawTemplateStatistics } from "./statistics.js";

const raw = (overrides: Partial<RawTemplateStatistics["counts"]> = {}, answered = 40): RawTemplateStatistics => ({
  templateKey: "hjemmepleje",
  counts: { requested: 50, answered, given: 30, declined: 10, withdrawn: 5, expired: 0, ...overrides },
  channels: { [Channel.DIGITAL]: 26, [Channel.ON_BEHALF]: 4, [Channel.PAPER]: 0, [Channel.API]: 5 },
  medianSecondsToAnswer: 3600,
  p90SecondsToAnswer: 86_400,
});

describe("suppressSmallCells", () => {
  it("shows counts of five or more and zero as they are", () => {
    const shown = suppressSmallCells(raw());
    expect(shown.counts).toEqual({ requested: 50, answered: 40, given: 30, declined: 10, withdrawn: 5, expired: 0 });
    expect(shown.channels).toMatchObject({ DIGITAL: 26, PAPER: 0, API: 5 });
    expect(shown.medianSecondsToAnswer).toBe(3600);
  });

  it("hides a count of one to four as null, never as zero", () => {
    const shown = suppressSmallCells(raw({ withdrawn: 1, declined: 4 }));
    expect(shown.counts.withdrawn).toBeNull();
    expect(shown.counts.declined).toBeNull();
    expect(shown.channels.ON_BEHALF).toBeNull();
  });

  it("hides the answer times when fewer than five answered", () => {
    const shown = suppressSmallCells(raw({}, 4));
    expect(shown.counts.answered).toBeNull();
    expect(shown.medianSecondsToAnswer).toBeNull();
    expect(shown.p90SecondsToAnswer).toBeNull();
  });
});
