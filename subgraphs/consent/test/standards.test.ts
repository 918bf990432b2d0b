import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { ConsentStatus } from "../src/domain/consent-state.js";
import { Channel } from "../src/domain/consent.js";
import { ChoiceKind, SignatureMethod, type Signature } from "../src/domain/declaration.js";
import { toFhirConsent, type FhirInput } from "../src/domain/fhir.js";
import { toIso27560Receipt, toIso27560Record, type RecordEvent } from "../src/domain/iso27560.js";
import { validateR5 } from "./fhir-r5.js";

// The exports checked against the standards' own rules, for every status, channel and kind of
// consent: FHIR R5 against HL7's published schema, StructureDefinition and invariants; the
// ISO/IEC TS 27560 receipt and record against the standard's mandatory fields
// (schema/iso27560-receipt.schema.json).
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

/** The events that bring a consent to `status`, as the event log would hold them. */
function historyOf(status: ConsentStatus, channel: Channel): RecordEvent[] {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
  const event = (action: string, to: ConsentStatus, day: number, actorKind = "CITIZEN"): RecordEvent => ({ id: String(day), action, status: to, occurredAt: at(day), actorKind, actorId: SUBJECT });
  const giving = { DIGITAL: "give", ON_BEHALF: "register", PAPER: "upload", API: "deliver" }[channel];
  const requested = event("request", ConsentStatus.REQUESTED, 1, "CASEWORKER");
  const given = event(giving, ConsentStatus.ACTIVE, 2);
  const ending: Partial<Record<ConsentStatus, RecordEvent[]>> = {
    REQUESTED: [requested],
    DECLINED: [requested, event("decline", ConsentStatus.DECLINED, 3)],
    CANCELLED: [requested, event("cancel", ConsentStatus.CANCELLED, 3, "CASEWORKER")],
    UNANSWERED: [requested, event("lapse", ConsentStatus.UNANSWERED, 3, "PLATFORM")],
    ACTIVE: [requested, given],
    PAUSED: [requested, given, event("pause", ConsentStatus.PAUSED, 3)],
    WITHDRAWN: [requested, given, event("withdraw", ConsentStatus.WITHDRAWN, 3)],
    EXPIRED: [requested, given, event("expire", ConsentStatus.EXPIRED, 3, "PLATFORM")],
    USED: [requested, given, event("markUsed", ConsentStatus.USED, 3, "CASE_SYSTEM")],
    CLOSED: [requested, given, event("closeCase", ConsentStatus.CLOSED, 3, "CASEWORKER")],
  };
  return ending[status]!;
}

const ODENSE = { id: "33333333-3333-4333-8333-333333333333", name: "Odense Kommune", cvr: "35209115", address: "Flakhaven 2, 5000 Odense C", contact: "odense@odense.dk" };
const RECEIPT_SCHEMA = JSON.parse(readFileSync(new URL("../../../schema/iso27560-receipt.schema.json", import.meta.url), "utf8"));

function receiptIn(status: ConsentStatus, channel: Channel, kind: "CONSENT" | "OBJECTION", child: boolean) {
  const consent = consentIn(status, channel, kind, child);
  const thirdParty = consent.thirdPartyId ? { id: consent.thirdPartyId, name: "Nordsø Rederi A/S", cvr: "12345678", address: null, contact: null } : null;
  const events = channel === Channel.DIGITAL || GIVEN.includes(status) ? historyOf(status, channel) : historyOf(status, Channel.DIGITAL);
  return toIso27560Receipt(toIso27560Record({ ...consent, retentionDays: 365, authority: ODENSE, thirdParty, events }), new Date("2026-12-02T00:00:00Z"));
}

describe("ISO/IEC TS 27560 receipt and record against the standard's mandatory fields", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(RECEIPT_SCHEMA);
  const problemsOf = (receipt: unknown) => (validate(receipt) ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.message}`));

  it(`is complete for every status, channel and kind (${EVERY_CASE.length} consents)`, () => {
    const problems = EVERY_CASE.flatMap(({ status, channel, kind, child }) => problemsOf(receiptIn(status, channel, kind, child)).map((problem) => `${status}/${channel}/${kind}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it("names what was said yes to, the controller and the third party, and every state the consent went through", () => {
    const { content } = receiptIn(ConsentStatus.WITHDRAWN, Channel.PAPER, "CONSENT", false);
    const [purpose] = content.pii_processing.purposes;
    expect(purpose).toMatchObject({
      purpose: "Formål (da)",
      pii_information: [{ pii_type: "Indhente (da): Indkomst (da)", pii_attribute_id: "income-data", pii_optional: true }],
      pii_controllers: ["CVR:35209115"],
      recipient_third_parties: ["CVR:12345678"],
      collection_method: [expect.stringContaining("paper form")],
      jurisdiction: "DK",
      retention_period: expect.stringMatching(/^365 days after the consent has ended; then its personal data is erased/),
    });
    expect(content.party_identification).toContainEqual(expect.objectContaining({ party_id: "CVR:35209115", party_name: "Odense Kommune", party_address: "Flakhaven 2, 5000 Odense C", party_role: "PII controller" }));
    // A party the register has no address for is pointed to the CVR register rather than left blank.
    expect(content.party_identification).toContainEqual(expect.objectContaining({ party_id: "CVR:12345678", party_address: "CVR 12345678 (cvr.dk)" }));
    expect(content.event.map((event) => event.event_state)).toEqual(["requested", "given", "withdrawn"]);
    expect(content.event[1]).toMatchObject({ event_type: "explicit", validity_duration: expect.stringMatching(/^P\d+D$/) });
  });

  it("finds a receipt that lacks what the standard requires, so a pass means something", () => {
    const receipt = receiptIn(ConsentStatus.ACTIVE, Channel.DIGITAL, "CONSENT", false) as any;
    delete receipt.receipt_id;
    delete receipt.content.pii_processing.purposes[0].withdrawal_method;
    receipt.content.event[0].event_state = "maybe";
    receipt.content.party_identification[0].party_address = undefined;
    const problems = problemsOf(JSON.parse(JSON.stringify(receipt))).join("\n");
    for (const expected of ["receipt_id", "withdrawal_method", "event_state", "party_address"]) expect(problems).toContain(expected);
  });
});
