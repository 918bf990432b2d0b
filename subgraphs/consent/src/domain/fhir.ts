import { ConsentStatus } from "./consent-state.js";
import type { ChoiceAnswer, ConsentBody, Signature } from "./declaration.js";

/**
 * A consent as an HL7 FHIR R5 `Consent` resource. The mapping (README, "FHIR R5") keeps FHIR's
 * rules: `status` from the ConsentState value set, `decision` permit/deny, period start before end,
 * references as `Type/id`.
 */

/** FHIR R5 ConsentState (http://hl7.org/fhir/consent-state-codes). */
export const FHIR_CONSENT_STATES = ["draft", "active", "inactive", "not-done", "entered-in-error", "unknown"] as const;
export type FhirConsentState = (typeof FHIR_CONSENT_STATES)[number];

export const FHIR_STATUS: Record<ConsentStatus, FhirConsentState> = {
  // Asked for, not yet answered: the consent is being drafted with the citizen.
  REQUESTED: "draft",
  ACTIVE: "active",
  // Suspended by the citizen; may become active again.
  PAUSED: "inactive",
  // The citizen said no: the consent was never given.
  DECLINED: "not-done",
  WITHDRAWN: "inactive",
  EXPIRED: "inactive",
  USED: "inactive",
  CLOSED: "inactive",
  // The authority withdrew the request before an answer.
  CANCELLED: "not-done",
  // Nobody answered by the deadline: the consent was never given.
  UNANSWERED: "not-done",
};

const SYSTEM = "urn:samtykke";
// FHIR JSON has no empty arrays: a list with nothing in it is left out.
const list = <K extends string, T>(key: K, items: readonly T[]) => (items.length ? { [key]: items } : {}) as Partial<Record<K, T[]>>;
const reference = (type: string, id: string, display?: string | null) => ({ reference: `${type}/${id}`, ...(display ? { display } : {}) });

export interface FhirInput {
  id: string;
  status: ConsentStatus;
  kind: string;
  templateKey: string;
  templateVersion: number;
  subjectId: string;
  authorityId: string;
  thirdPartyId?: string | null;
  caseReference?: string | null;
  requestedAt: Date;
  validFrom?: Date | null;
  validTo?: Date | null;
  endedAt?: Date | null;
  channel?: string | null;
  attestation?: { attestedBy: string; statement: string } | null;
  requiredSignerIds: readonly string[];
  body: ConsentBody;
  answers?: ChoiceAnswer[] | null;
  signatures: readonly Signature[];
  attachments: readonly { id: string; fileName: string; mediaType: string; size: number; sha256: string }[];
}

export function toFhirConsent(consent: FhirInput): Record<string, unknown> {
  const given = consent.validFrom ?? null;
  const end = consent.validTo && consent.endedAt ? (consent.validTo < consent.endedAt ? consent.validTo : consent.endedAt) : (consent.endedAt ?? consent.validTo ?? null);
  const period = given ? { start: given.toISOString(), ...(end && end >= given ? { end: end.toISOString() } : {}) } : undefined;
  const attested = consent.signatures.filter((signature) => signature.attestedBy);
  const yes = (consent.answers ?? []).filter((answer) => answer.checked === true);
  const labels = new Map(consent.body.choices.map((choice) => [choice.key, choice.label.da]));
  const recipients = [reference("Organization", consent.authorityId), ...(consent.thirdPartyId ? [reference("Organization", consent.thirdPartyId)] : [])];
  return {
    resourceType: "Consent",
    id: consent.id,
    meta: { profile: ["http://hl7.org/fhir/StructureDefinition/Consent"] },
    identifier: [{ system: `${SYSTEM}:consent`, value: consent.id }, ...(consent.caseReference ? [{ system: `${SYSTEM}:case`, value: consent.caseReference }] : [])],
    status: FHIR_STATUS[consent.status],
    category: [{ coding: [{ system: "http://loinc.org", code: "59284-0", display: "Consent Document" }], text: consent.kind }],
    subject: reference("Patient", consent.subjectId),
    date: consent.requestedAt.toISOString().slice(0, 10),
    ...(period ? { period } : {}),
    ...list(
      "grantor",
      consent.requiredSignerIds.map((id) => (id === consent.subjectId ? reference("Patient", id) : reference("RelatedPerson", id))),
    ),
    grantee: recipients,
    controller: [reference("Organization", consent.authorityId)],
    ...list(
      "sourceAttachment",
      consent.attachments.map((attachment) => ({
        contentType: attachment.mediaType,
        url: `${SYSTEM}:attachment:${attachment.id}`,
        size: String(attachment.size),
        // FHIR's Attachment.hash is SHA-1; the SHA-256 that the signature covers goes in an extension.
        extension: [{ url: `${SYSTEM}:sha256`, valueString: attachment.sha256 }],
        title: attachment.fileName,
      })),
    ),
    regulatoryBasis: [
      {
        coding: [{ system: `${SYSTEM}:legal-basis`, code: consent.kind }],
        text: consent.kind === "CONSENT" ? "GDPR art. 6(1)(a) / 9(2)(a)" : consent.kind,
      },
    ],
    ...list(
      "verification",
      attested.map((signature) => ({
        verified: true,
        verificationType: { text: signature.method },
        // A caseworker attests as a Practitioner; a case system delivers for its authority.
        verifiedBy: signature.method === "DELIVERED_WITH_EVIDENCE" ? reference("Organization", consent.authorityId) : reference("Practitioner", signature.attestedBy!),
        verifiedWith: reference("Patient", signature.onBehalfOfId ?? signature.signerId),
        verificationDate: [signature.signedAt],
      })),
    ),
    decision: consent.kind === "OBJECTION" ? "deny" : "permit",
    provision: [
      {
        ...(period ? { period } : {}),
        actor: recipients.map((recipient) => ({
          role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP", display: "information recipient" }] },
          reference: recipient,
        })),
        purpose: [{ system: `${SYSTEM}:template`, code: `${consent.templateKey}@${consent.templateVersion}`, display: consent.body.purpose.da }],
        // What the citizen said yes to, one nested provision per choice.
        ...list(
          "provision",
          yes.map((answer) => ({ code: [{ coding: [{ system: `${SYSTEM}:choice`, code: answer.key, display: labels.get(answer.key) ?? answer.key }] }] })),
        ),
      },
    ],
  };
}
