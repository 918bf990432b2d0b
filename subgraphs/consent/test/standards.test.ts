import { describe, expect, it } from "vitest";
import { ConsentStatus } from "../src/domain/consent-state.js";
import { Channel } from "../src/domain/consent.js";
import { ChoiceKind, SignatureMethod, type Signature } from "../src/domain/declaration.js";
import { toFhirConsent, type FhirInput } from "../src/domain/fhir.js";
import { validateR5 } from "./fhir-r5.js";

// The exports checked against the standards' own rules, for every status, channel and kind of
// consent: FHIR R5 against HL7's published schema, StructureDefinition and invariants.
const text = (word: string) => ({ da: `${word} (da)`, en: `${word} (en)` });
const SUBJECT = "22222222-2222-4222-8222-222222222222";
const PARENT = "77777777-7777-4777-8777-777777777777";
const CASEWORKER = "55555555-5555-4555-8555-555555555555";
const METHOD: Record<Channel, SignatureMethod> = {
  DIGITAL: SignatureMethod.DIGITAL,
  ON_BEHALF: SignatureMethod.ATTESTED_ON_BEHALF,
  PAPER: SignatureMethod.ATTESTED_PAPER,
  API: SignatureMethod.DELIVERED_WITH_EVIDENCE,
};
const GIVEN: ConsentStatus[] = [ConsentStatus.ACTIVE, ConsentStatus.PAUSED, ConsentStatus.WITHDRAWN, ConsentStatus.EXPIRED, ConsentStatus.USED, ConsentStatus.CLOSED];

/** A consent as it stands in `status`, given through `channel`; a child's with two givers when asked. */
export function consentIn(status: ConsentStatus, channel: Channel, kind: "CONSENT" | "OBJECTION", child = false): FhirInput {
  const given = GIVEN.includes(status);
  const signers = child ? [PARENT, "88888888-8888-4888-8888-888888888888"] : [SUBJECT];
  const signatures: Signature[] = given
    ? signers.map((signerId) => ({
        signerId,
        method: METHOD[channel],
        attestedBy: channel === Channel.DIGITAL ? null : CASEWORKER,
        contentHash: "a".repeat(64),
        signedAt: "2026-11-02T10:00:00.000Z",
        ...(channel === Channel.DIGITAL ? { assuranceLevel: "SUBSTANTIAL", loginTransactionId: "t-1" } : {}),
      }))
    : [];
  return {
    id: "11111111-1111-4111-8111-111111111111",
    status,
    kind,
    templateKey: "demo",
    templateVersion: 2,
    subjectId: SUBJECT,
    authorityId: "33333333-3333-4333-8333-333333333333",
    thirdPartyId: child ? null : "44444444-4444-4444-8444-444444444444",
    caseReference: child ? null : "SAG-1",
    requestedAt: new Date("2026-11-01T10:00:00Z"),
    validFrom: given ? new Date("2026-11-02T10:00:00Z") : null,
    validTo: given ? new Date("2027-11-02T10:00:00Z") : null,
    endedAt: [ConsentStatus.WITHDRAWN, ConsentStatus.EXPIRED, ConsentStatus.USED, ConsentStatus.CLOSED, ConsentStatus.DECLINED, ConsentStatus.CANCELLED].includes(status)
      ? new Date("2026-12-01T00:00:00Z")
      : null,
    channel: given ? channel : null,
    attestation: given && channel !== Channel.DIGITAL ? { attestedBy: CASEWORKER, statement: "Underskrevet" } : null,
    requiredSignerIds: signers,
    body: {
      title: text("Titel"),
      purpose: text("Formål"),
      dataCovered: text("Data"),
      partiesCovered: text("Parter"),
      consequencesOfYes: text("Ja"),
      consequencesOfNo: text("Nej"),
      howToWithdraw: text("Tilbage"),
      choices: [
        { key: "income-data", kind: ChoiceKind.CHECKBOX, group: text("Indhente"), label: text("Indkomst"), required: false, maxLength: null },
        { key: "others", kind: ChoiceKind.TEXT, group: null, label: text("Andre"), required: false, maxLength: 200 },
      ],
    },
    // Given with a no to the only checkbox: nothing said yes to, so no nested provision.
    answers: given ? [{ key: "income-data", checked: status !== ConsentStatus.PAUSED, text: null }, { key: "others", checked: null, text: "" }] : null,
    signatures,
    attachments: given && channel === Channel.PAPER ? [{ id: "66666666-6666-4666-8666-666666666666", fileName: "blanket.pdf", mediaType: "application/pdf", size: 1234, sha256: "b".repeat(64) }] : [],
  };
}

const EVERY_CASE = Object.values(ConsentStatus).flatMap((status) =>
  Object.values(Channel).flatMap((channel) => (["CONSENT", "OBJECTION"] as const).flatMap((kind) => [false, true].map((child) => ({ status, channel, kind, child })))),
);

describe("FHIR R5 Consent against HL7's own rules", () => {
  it(`is valid for every status, channel and kind (${EVERY_CASE.length} consents)`, () => {
    const problems = EVERY_CASE.flatMap(({ status, channel, kind, child }) =>
      validateR5(toFhirConsent(consentIn(status, channel, kind, child))).map((problem) => `${status}/${channel}/${kind}${child ? "/child" : ""}: ${problem}`),
    );
    expect(problems).toEqual([]);
  }, 60_000);

  it("finds what a broken resource gets wrong, so a pass means something", () => {
    const resource = toFhirConsent(consentIn(ConsentStatus.ACTIVE, Channel.PAPER, "CONSENT"));
    const broken = {
      ...resource,
      status: "given",
      decision: "maybe",
      subject: { reference: "Organization/1" },
      period: { start: "2027-01-01", end: "2026-01-01" },
      verification: [{ verificationType: { text: "x" } }],
      grantor: [],
      unknownField: true,
    };
    const problems = validateR5(broken).join("\n");
    for (const expected of ["unknownField", "Consent.status", "Consent.decision", "Consent.subject", "per-1", "Consent.verification.verified", "/grantor: empty"]) {
      expect(problems).toContain(expected);
    }
  });
});
