import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { createRequest, give, type TemplateSnapshot } from "./consent.js";

const template: TemplateSnapshot = {
  id: "t1",
  key: "demo",
  version: 3,
  status: "PUBLISHED",
  authorityId: "a1",
  title: { da: "Titel", en: "Title" },
  purpose: { da: "Formål", en: "Purpose" },
  defaultValidityDays: 30,
};
const now = new Date("2026-01-01T00:00:00Z");

describe("createRequest", () => {
  it("snapshots the template version's texts and names its authority as recipient", () => {
    const request = createRequest({ template, subjectId: "c1", caseReference: "  SAG-1 ", now });
    expect(request).toMatchObject({
      status: ConsentStatus.REQUESTED,
      templateKey: "demo",
      templateVersion: 3,
      authorityId: "a1",
      subjectId: "c1",
      caseReference: "SAG-1",
      body: { title: { da: "Titel", en: "Title" }, purpose: { da: "Formål", en: "Purpose" } },
      requestedAt: now,
    });
    // A copy: changing the template object afterwards does not reach the consent.
    expect(request.body.title).toEqual(template.title);
  });

  it.each(["DRAFT", "RETIRED"])("refuses a %s template", (status) => {
    expect(() => createRequest({ template: { ...template, status }, subjectId: "c1", now })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: expect.objectContaining({ field: "templateId" }) }),
    );
  });

  it("refuses an overlong case reference", () => {
    expect(() => createRequest({ template, subjectId: "c1", caseReference: "x".repeat(101), now })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "caseReference" } }),
    );
  });

  it("stores an empty case reference as none", () => {
    expect(createRequest({ template, subjectId: "c1", caseReference: "   ", now }).caseReference).toBeNull();
  });
});

describe("give", () => {
  it("makes a requested consent ACTIVE from now for the template's period", () => {
    expect(give({ status: ConsentStatus.REQUESTED, validityDays: 30 }, now)).toEqual({
      status: ConsentStatus.ACTIVE,
      answeredAt: now,
      validFrom: now,
      validTo: new Date("2026-01-31T00:00:00Z"),
    });
  });

  it("leaves an open-ended consent without an end", () => {
    expect(give({ status: ConsentStatus.REQUESTED, validityDays: null }, now).validTo).toBeNull();
  });

  it("refuses a consent that is not requested", () => {
    expect(() => give({ status: ConsentStatus.WITHDRAWN, validityDays: 30 }, now)).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
  });
});
