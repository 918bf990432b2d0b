import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { FHIR_CONSENT_STATES, FHIR_STATUS, toFhirConsent, type FhirInput } from "./fhir.js";
import { ChoiceKind, SignatureMethod } from "./declaration.js";

const text = (word: string) => ({ da: word, en: word });
const consent: FhirInput = {
  id: "11111111-1111-4111-8111-111111111111",
  status: ConsentStatus.ACTIVE,
  kind: "CONSENT",
  templateKey: "demo",
  templateVersion: 2,
  subjectId: "22222222-2222-4222-8222-222222222222",
  authorityId: "33333333-3333-4333-8333-333333333333",
  thirdPartyId: "44444444-4444-4444-8444-444444444444",
  caseReference: "SAG-1",
  requestedAt: new Date("2026-11-01T10:00:00Z"),
  validFrom: new Date("2026-11-02T10:00:00Z"),
  validTo: new Date("2027-11-02T10:00:00Z"),
  endedAt: null,
  channel: "PAPER",
  attestation: { attestedBy: "55555555-5555-4555-8555-555555555555", statement: "Underskrevet" },
  requiredSignerIds: ["22222222-2222-4222-8222-222222222222"],
  body: {
    title: text("Titel"), purpose: text("Formål"), dataCovered: text("d"), partiesCovered: text("p"), consequencesOfYes: text("y"), consequencesOfNo: text("n"), howToWithdraw: text("w"),
    choices: [
      { key: "income-data", kind: ChoiceKind.CHECKBOX, group: null, label: text("Indkomst"), required: true, maxLength: null },
      { key: "tax-assessment", kind: ChoiceKind.CHECKBOX, group: null, label: text("Årsopgørelse"), required: false, maxLength: null },
    ],
  },
  answers: [{ key: "income-data", checked: true, text: null }, { key: "tax-assessment", checked: false, text: null }],
  signatures: [{ signerId: "22222222-2222-4222-8222-222222222222", method: SignatureMethod.ATTESTED_PAPER, attestedBy: "55555555-5555-4555-8555-555555555555", contentHash: "a".repeat(64), signedAt: "2026-11-02T10:00:00.000Z" }],
  attachments: [{ id: "66666666-6666-4666-8666-666666666666", fileName: "blanket.pdf", mediaType: "application/pdf", size: 1234, sha256: "b".repeat(64) }],
};

describe("FHIR R5 Consent", () => {
  it("maps every status into FHIR's ConsentState value set", () => {
    for (const status of Object.values(ConsentStatus)) expect(FHIR_CONSENT_STATES).toContain(FHIR_STATUS[status]);
    expect(FHIR_STATUS.ACTIVE).toBe("active");
    expect(FHIR_STATUS.DECLINED).toBe("not-done");
  });

  it("names grantor, grantees, period, purpose, what was said yes to, the scan and who attested it", () => {
    const resource = toFhirConsent(consent);
    expect(resource).toMatchObject({
      resourceType: "Consent",
      status: "active",
      decision: "permit",
      subject: { reference: "Patient/22222222-2222-4222-8222-222222222222" },
      grantor: [{ reference: "Patient/22222222-2222-4222-8222-222222222222" }],
      grantee: [{ reference: "Organization/33333333-3333-4333-8333-333333333333" }, { reference: "Organization/44444444-4444-4444-8444-444444444444" }],
      period: { start: "2026-11-02T10:00:00.000Z", end: "2027-11-02T10:00:00.000Z" },
      sourceAttachment: [{ contentType: "application/pdf", title: "blanket.pdf", size: "1234" }],
      verification: [{ verified: true, verifiedBy: { reference: "Practitioner/55555555-5555-4555-8555-555555555555" } }],
    });
    const [provision] = resource.provision as { purpose: { code: string }[]; provision: { code: { coding: { code: string }[] }[] }[] }[];
    expect(provision!.purpose[0]!.code).toBe("demo@2");
    expect(provision!.provision.map((item) => item.code[0]!.coding[0]!.code)).toEqual(["income-data"]);
  });

  it("denies for an objection and ends the period when the consent ended", () => {
    const ended = toFhirConsent({ ...consent, kind: "OBJECTION", status: ConsentStatus.WITHDRAWN, endedAt: new Date("2026-12-01T00:00:00Z") });
    expect(ended).toMatchObject({ decision: "deny", status: "inactive", period: { end: "2026-12-01T00:00:00.000Z" } });
  });
});
