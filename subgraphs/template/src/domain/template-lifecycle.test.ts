import { describe, expect, it } from "vitest";
import { ChoiceKind, TemplateStatus } from "./template.js";
import { nextVersion, requireEditable, requirePlainOrReason, transitionTemplate, validateDraft } from "./template-lifecycle.js";
import type { TemplateContent } from "./template.js";

const texts = {
  dataCovered: { da: "Data", en: "Data" },
  partiesCovered: { da: "Parter", en: "Parties" },
  consequencesOfYes: { da: "Ja", en: "Yes" },
  consequencesOfNo: { da: "Nej", en: "No" },
  howToWithdraw: { da: "Træk tilbage", en: "Withdraw" },
};
const content = { title: { da: " Titel ", en: "Title" }, purpose: { da: "Formål", en: "Purpose" }, ...texts, choices: [] };
const now = new Date("2026-01-01T00:00:00Z");
const checkbox = (key: string) => ({ key, kind: ChoiceKind.CHECKBOX, group: null, label: { da: key, en: key }, required: false, maxLength: null });

describe("validateDraft", () => {
  it("trims the texts and keeps the key", () => {
    expect(validateDraft({ key: "min-skabelon", content, defaultValidityDays: 30 }, now)).toEqual({
      key: "min-skabelon",
      defaultValidityDays: 30,
      fixedValidTo: null,
      reminderAfterDays: null,
      followUpAfterDays: null,
      retentionDays: 1095,
      content: { title: { da: "Titel", en: "Title" }, purpose: { da: "Formål", en: "Purpose" }, ...texts, choices: [] },
    });
  });

  it.each(["ab", "Store-Bogstaver", "mellem rum", "-starter-med-bindestreg", "æøå-nøgle"])("refuses the key %j", (key) => {
    expect(() => validateDraft({ key, content }, now)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "key" } }));
  });

  it("refuses a text missing in one language", () => {
    expect(() => validateDraft({ key: "abc", content: { ...content, purpose: { da: "Formål", en: "  " } } }, now)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "purpose.en" } }),
    );
  });

  it.each([0, -1, 1.5, 10 * 366 + 1])("refuses a validity of %d days", (days) => {
    expect(() => validateDraft({ key: "abc", content, defaultValidityDays: days }, now)).toThrow(
      expect.objectContaining({ details: { field: "defaultValidityDays" } }),
    );
  });
});

describe("validateDraft: texts, choices and validity", () => {
  it.each(["dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const)("requires %s in both languages", (field) => {
    expect(() => validateDraft({ key: "abc", content: { ...content, [field]: { da: "x", en: "" } } }, now)).toThrow(
      expect.objectContaining({ details: { field: `${field}.en` } }),
    );
  });

  it("keeps choices in order, defaults a text field to 500 characters", () => {
    const text = { key: "others", kind: ChoiceKind.TEXT, group: null, label: { da: "Andre", en: "Others" }, required: false, maxLength: null };
    const draft = validateDraft({ key: "abc", content: { ...content, choices: [checkbox("employer"), text] } }, now);
    expect(draft.content.choices.map((choice) => [choice.key, choice.maxLength])).toEqual([
      ["employer", null],
      ["others", 500],
    ]);
  });

  it("refuses two choices with one key, a bad key and a label missing a language", () => {
    expect(() => validateDraft({ key: "abc", content: { ...content, choices: [checkbox("a"), checkbox("a")] } }, now)).toThrow(
      expect.objectContaining({ details: { field: "choices.1.key" } }),
    );
    expect(() => validateDraft({ key: "abc", content: { ...content, choices: [checkbox("Store Bogstaver")] } }, now)).toThrow(
      expect.objectContaining({ details: { field: "choices.0.key" } }),
    );
    expect(() => validateDraft({ key: "abc", content: { ...content, choices: [{ ...checkbox("a"), label: { da: "a", en: "" } }] } }, now)).toThrow(
      expect.objectContaining({ details: { field: "choices.0.label.en" } }),
    );
  });

  it("takes a duration or a fixed future end, never both", () => {
    const fixedValidTo = new Date("2026-12-31T00:00:00Z");
    expect(validateDraft({ key: "abc", content, fixedValidTo }, now).fixedValidTo).toEqual(fixedValidTo);
    expect(() => validateDraft({ key: "abc", content, fixedValidTo, defaultValidityDays: 30 }, now)).toThrow(
      expect.objectContaining({ details: { field: "fixedValidTo" } }),
    );
    expect(() => validateDraft({ key: "abc", content, fixedValidTo: now }, now)).toThrow(expect.objectContaining({ details: { field: "fixedValidTo" } }));
  });
});

describe("validateDraft: the follow-up of an unanswered request", () => {
  it("keeps a reminder and a later caseworker task", () => {
    expect(validateDraft({ key: "abc", content, reminderAfterDays: 7, followUpAfterDays: 14 }, now)).toMatchObject({ reminderAfterDays: 7, followUpAfterDays: 14 });
    expect(validateDraft({ key: "abc", content, followUpAfterDays: 14 }, now)).toMatchObject({ reminderAfterDays: null, followUpAfterDays: 14 });
  });

  it.each([0, -3, 2.5, 366])("refuses %d days", (days) => {
    expect(() => validateDraft({ key: "abc", content, reminderAfterDays: days }, now)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "reminderAfterDays" } }),
    );
  });

  it("refuses a task that comes before or with the reminder", () => {
    expect(() => validateDraft({ key: "abc", content, reminderAfterDays: 7, followUpAfterDays: 7 }, now)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "followUpAfterDays" } }),
    );
  });
});

describe("validateDraft: how long a consent's data is kept after it ends", () => {
  it("takes the legal basis's default when none is given: 3 years for a consent, 1 for an objection", () => {
    expect(validateDraft({ key: "abc", content }, now).retentionDays).toBe(1095);
    expect(validateDraft({ key: "abc", kind: "POWER_OF_ATTORNEY", content }, now).retentionDays).toBe(1095);
    expect(validateDraft({ key: "abc", kind: "OBJECTION", content }, now).retentionDays).toBe(365);
  });

  it("keeps what the version says, from 30 days up to the basis's maximum", () => {
    expect(validateDraft({ key: "abc", content, retentionDays: 30 }, now).retentionDays).toBe(30);
    expect(validateDraft({ key: "abc", content, retentionDays: 1825 }, now).retentionDays).toBe(1825);
    expect(validateDraft({ key: "abc", kind: "OBJECTION", content, retentionDays: 1095 }, now).retentionDays).toBe(1095);
  });

  it.each([
    ["CONSENT", 29],
    ["CONSENT", 1826],
    ["OBJECTION", 1096],
    ["CONSENT", 100.5],
  ])("refuses a %s kept %d days, naming the limits in both languages", (kind, days) => {
    expect(() => validateDraft({ key: "abc", kind, content, retentionDays: days }, now)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "retentionDays" }, messages: { da: expect.stringMatching(/30-(1825|1095) dage/), en: expect.stringMatching(/30-(1825|1095) days/) } }),
    );
  });
});

describe("nextVersion", () => {
  it("starts at 1 and follows the newest", () => {
    expect(nextVersion([], "a")).toBe(1);
    expect(nextVersion([{ authorityId: "a", version: 1 }, { authorityId: "a", version: 3 }], "a")).toBe(4);
  });

  it("refuses another authority's key", () => {
    expect(() => nextVersion([{ authorityId: "a", version: 1 }], "b")).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  });
});

describe("transitionTemplate", () => {
  it("publishes a draft and retires a published version", () => {
    expect(transitionTemplate(TemplateStatus.DRAFT, "publish")).toBe(TemplateStatus.PUBLISHED);
    expect(transitionTemplate(TemplateStatus.PUBLISHED, "retire")).toBe(TemplateStatus.RETIRED);
  });

  it.each([
    [TemplateStatus.PUBLISHED, "publish"],
    [TemplateStatus.RETIRED, "publish"],
    [TemplateStatus.DRAFT, "retire"],
    [TemplateStatus.RETIRED, "retire"],
  ] as const)("refuses %s --%s-->", (status, action) => {
    expect(() => transitionTemplate(status, action)).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
  });
});

describe("requireEditable", () => {
  it("lets a draft be edited and refuses a published or retired version, naming what to do instead", () => {
    expect(() => requireEditable(TemplateStatus.DRAFT)).not.toThrow();
    for (const status of [TemplateStatus.PUBLISHED, TemplateStatus.RETIRED]) {
      expect(() => requireEditable(status)).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION", message: expect.stringContaining("Make a new version") }));
    }
  });
});

describe("requirePlainOrReason", () => {
  const officialese = "Kommunens sagsbehandling forudsætter indhentning af helbredsoplysninger vedrørende ansøgerens funktionsevne og arbejdsmarkedstilknytning";
  const text = (da: string) => ({ da, en: "-" });
  const plain = text("Du kan sige ja. Du kan sige nej. Du kan også vente.");
  const content: TemplateContent = {
    title: text("Samtykke"),
    purpose: plain,
    dataCovered: plain,
    partiesCovered: plain,
    consequencesOfYes: plain,
    consequencesOfNo: plain,
    howToWithdraw: plain,
    choices: [{ key: "a", kind: ChoiceKind.CHECKBOX, group: text(officialese), label: text(officialese), required: false, maxLength: null }],
  };

  it("names each hard text as the caseworker knows it, in Danish and English", () => {
    let error: any;
    try {
      requirePlainOrReason(content, null);
    } catch (caught) {
      error = caught;
    }
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.messages.da).toContain("valg 1 (overskrift) (LIX 93), valg 1 (LIX 93)");
    expect(error.messages.en).toContain("choice 1 (heading) (LIX 93), choice 1 (LIX 93)");
    expect(error.details).toEqual({ field: "readabilityReason", hardTexts: [{ field: "choices.0.group", lix: 93 }, { field: "choices.0.label", lix: 93 }] });
  });

  it("keeps a reason trimmed, records none for a blank one, and refuses one over 1000 characters", () => {
    expect(requirePlainOrReason(content, "  Lovens ord.  ")).toBe("Lovens ord.");
    expect(requirePlainOrReason({ ...content, choices: [] }, "   ")).toBeNull();
    expect(() => requirePlainOrReason(content, "x".repeat(1001))).toThrow(/at most 1000 characters/);
  });
});
