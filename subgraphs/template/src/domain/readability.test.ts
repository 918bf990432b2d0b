import { describe, expect, it } from "vitest";
import { ChoiceKind } from "./template.js";
import { lix, LIX_HARD, LIX_PUBLISH_LIMIT, readabilityOf, tooHardToPublish } from "./readability.js";

describe("lix", () => {
  it("scores short sentences of short words as easy", () => {
    // 12 words, 3 sentences, no long words: 12/3 + 0 = 4.
    expect(lix("Du kan sige ja. Du kan sige nej. Du kan også vente.")).toBe(4);
  });

  it("counts words of more than six letters as long, Danish letters included", () => {
    // 11 words in 1 sentence, 9 of them long: 11 + 900/11 = 93.
    const officialese = "Kommunens sagsbehandling forudsætter indhentning af helbredsoplysninger vedrørende ansøgerens funktionsevne og arbejdsmarkedstilknytning";
    expect(lix(officialese)).toBe(93);
    expect(lix(officialese)!).toBeGreaterThanOrEqual(LIX_HARD);
    // 12 words, 1 sentence, 2 long (søskende and forældre have eight letters): 12 + 200/12 = 29.
    expect(lix("Dine søskende og dine forældre kan se det, når du siger ja.")).toBe(29);
  });

  it("ends a sentence at . ! ? or : only when a space or the end follows, so a date like 20.11 ends none", () => {
    // 13 words in 1 sentence, 1 long: 13 + 100/13 = 21 (split at the dot it would be 14).
    expect(lix("Fristen er 20.11 og du skal svare senest den dag til os")).toBe(21);
    // 12 words in 5 sentences, none long: 2.4, rounded.
    expect(lix("Svar i dag! Kan du det? Ja: tak for det. Vi venter.")).toBe(2);
  });

  it("has no score for a text of fewer than ten words, such as a title", () => {
    expect(lix("")).toBeNull();
    expect(lix(" – ")).toBeNull();
    expect(lix("Samtykke til hjemmepleje")).toBeNull();
  });
});

describe("publishing a hard text", () => {
  const text = (da: string) => ({ da, en: "-" });
  const choice = { key: "laege", kind: ChoiceKind.CHECKBOX, group: null, label: text("Fra din læge"), required: false, maxLength: null };
  const plain = "Du kan sige ja. Du kan sige nej. Du kan også vente.";
  const officialese = "Kommunens sagsbehandling forudsætter indhentning af helbredsoplysninger vedrørende ansøgerens funktionsevne og arbejdsmarkedstilknytning";
  const content = {
    title: text("Samtykke til hjemmepleje"),
    purpose: text(officialese),
    dataCovered: text(plain),
    partiesCovered: text(plain),
    consequencesOfYes: text(plain),
    consequencesOfNo: text(plain),
    howToWithdraw: text(plain),
    choices: [choice],
  };

  it("scores every Danish text a citizen reads, choices included", () => {
    expect(readabilityOf(content)).toEqual([
      { field: "title", lix: null },
      { field: "purpose", lix: 93 },
      ...["dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"].map((field) => ({ field, lix: 4 })),
      { field: "choices.0.label", lix: null },
    ]);
  });

  it("stops a text over 55 unless a reason is recorded, and lets 55 itself through", () => {
    expect(tooHardToPublish(readabilityOf(content), null)).toEqual([{ field: "purpose", lix: 93 }]);
    expect(tooHardToPublish(readabilityOf(content), "   ")).toEqual([{ field: "purpose", lix: 93 }]);
    expect(tooHardToPublish(readabilityOf(content), "Lovens egne ord: Serviceloven § 83")).toEqual([]);
    expect(tooHardToPublish([{ field: "purpose", lix: LIX_PUBLISH_LIMIT }], null)).toEqual([]);
    expect(tooHardToPublish([{ field: "purpose", lix: LIX_PUBLISH_LIMIT + 1 }], null)).toHaveLength(1);
  });
});
