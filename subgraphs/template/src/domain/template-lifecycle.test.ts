import { describe, expect, it } from "vitest";
import { TemplateStatus } from "./template.js";
import { nextVersion, transitionTemplate, validateDraft } from "./template-lifecycle.js";

const content = { title: { da: " Titel ", en: "Title" }, purpose: { da: "Formål", en: "Purpose" } };

describe("validateDraft", () => {
  it("trims the texts and keeps the key", () => {
    expect(validateDraft({ key: "min-skabelon", content, defaultValidityDays: 30 })).toEqual({
      key: "min-skabelon",
      defaultValidityDays: 30,
      content: { title: { da: "Titel", en: "Title" }, purpose: { da: "Formål", en: "Purpose" } },
    });
  });

  it.each(["ab", "Store-Bogstaver", "mellem rum", "-starter-med-bindestreg", "æøå-nøgle"])("refuses the key %j", (key) => {
    expect(() => validateDraft({ key, content })).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "key" } }));
  });

  it("refuses a text missing in one language", () => {
    expect(() => validateDraft({ key: "abc", content: { ...content, purpose: { da: "Formål", en: "  " } } })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "purpose.en" } }),
    );
  });

  it.each([0, -1, 1.5, 10 * 366 + 1])("refuses a validity of %d days", (days) => {
    expect(() => validateDraft({ key: "abc", content, defaultValidityDays: days })).toThrow(
      expect.objectContaining({ details: { field: "defaultValidityDays" } }),
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
