import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { Channel } from "./consent.js";
import { anonymousCount, eraseAt } from "./retention.js";

describe("retention", () => {
  it("erases a consent's personal data its retention after it ended", () => {
    expect(eraseAt(new Date("2026-03-01T10:00:00Z"), 30)).toEqual(new Date("2026-03-31T10:00:00Z"));
  });

  it("keeps for the statistics only the authority, template, day asked, answer time and ending: no person, answers or id", () => {
    const consent = {
      id: "c-1",
      subjectId: "s-1",
      authorityId: "a-1",
      templateKey: "hjaelp",
      body: { title: { da: "Hjælp", en: "Help" }, purpose: { da: "Formål", en: "Purpose" } },
      answers: [{ key: "x", checked: true, text: null }],
      requestedAt: new Date("2026-03-01T10:15:00Z"),
      answeredAt: new Date("2026-03-02T10:15:30Z"),
      validFrom: new Date("2026-03-02T10:15:30Z"),
      status: ConsentStatus.WITHDRAWN,
      channel: Channel.DIGITAL,
    };
    expect(anonymousCount(consent)).toEqual({
      authorityId: "a-1",
      templateKey: "hjaelp",
      title: { da: "Hjælp", en: "Help" },
      requestedAt: new Date("2026-03-01T00:00:00Z"),
      answeredAfterSeconds: 86_430,
      given: true,
      status: ConsentStatus.WITHDRAWN,
      channel: Channel.DIGITAL,
    });
    expect(anonymousCount({ ...consent, answeredAt: null, validFrom: null, status: ConsentStatus.UNANSWERED, channel: null })).toMatchObject({
      answeredAfterSeconds: null,
      given: false,
      channel: null,
    });
  });
});
