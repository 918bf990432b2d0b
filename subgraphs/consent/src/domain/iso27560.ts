import { createHash } from "node:crypto";
import { ConsentStatus } from "./consent-state.js";
import type { ChoiceAnswer, ConsentBody } from "./declaration.js";
import { ChoiceKind } from "./declaration.js";

/**
 * A consent as an ISO/IEC TS 27560:2023 consent receipt wrapping the consent record, in plain JSON
 * with the standard's field names (record header, PII processing per purpose, party identification,
 * events). The field list and which are mandatory follow the W3C DPVCG guide to 27560 (written by
 * the standard's editors); schema/iso27560-receipt.schema.json states them, and README maps ours to theirs.
 */

export const ISO27560_SCHEMA_VERSION = "ISO/IEC TS 27560:2023; samtykke.iso27560/1";

/** An organisation as a record names it: the authority (controller) or a third party (recipient). */
export interface RecordOrganisation {
  id: string;
  name: string;
  cvr: string;
  address: string | null;
  contact: string | null;
}

/** One change of the consent, as the event log has it. */
export interface RecordEvent {
  id: string;
  action: string;
  status: ConsentStatus;
  occurredAt: Date;
  actorKind: string;
  actorId?: string | null;
  channel?: string | null;
}

export interface RecordInput {
  id: string;
  status: ConsentStatus;
  kind: string;
  templateKey: string;
  templateVersion: number;
  /** Days its personal data is kept after it ends, from the template version. */
  retentionDays: number;
  subjectId: string;
  caseReference?: string | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  channel?: string | null;
  body: ConsentBody;
  answers?: readonly ChoiceAnswer[] | null;
  authority: RecordOrganisation;
  thirdParty: RecordOrganisation | null;
  events: readonly RecordEvent[];
}

/** The Danish supervisory authority a citizen may complain to. */
const DATATILSYNET = {
  party_id: "CVR:11883729",
  party_name: "Datatilsynet",
  party_address: "Carl Jacobsens Vej 35, 2500 Valby",
  party_contact: "dt@datatilsynet.dk",
  party_url: "https://www.datatilsynet.dk",
  party_role: "supervisory authority",
  party_type: "authority",
};

const LAWFUL_BASIS: Record<string, string> = {
  CONSENT: "consent (GDPR art. 6(1)(a), 9(2)(a))",
  OBJECTION: "objection (GDPR art. 21): the processing stops",
  POWER_OF_ATTORNEY: "consent given under a power of attorney (GDPR art. 6(1)(a))",
};

const COLLECTION_METHOD: Record<string, string> = {
  DIGITAL: "provided by the PII principal, signed digitally with MitID",
  ON_BEHALF: "provided by the PII principal in person or by phone, attested by a caseworker",
  PAPER: "provided by the PII principal on a signed paper form, scanned and attested",
  API: "collected by the authority's case system and delivered with its evidence",
};

/** 27560 event states (Annex B's lifecycle as the DPV guide names it) for each change we record. */
const EVENT_STATE: Record<string, string> = {
  request: "requested",
  sign: "given by one of several givers",
  give: "given",
  register: "given",
  deliver: "given",
  upload: "given",
  resume: "given",
  handOver: "given",
  decline: "refused",
  withdraw: "withdrawn",
  expire: "expired",
  pause: "suspended",
  cancel: "terminated",
  lapse: "terminated",
  closeCase: "terminated",
  supersede: "terminated",
  markUsed: "terminated",
};

const party = (organisation: RecordOrganisation, role: string, type: string) => ({
  party_id: `CVR:${organisation.cvr}`,
  party_name: organisation.name,
  // A record names where the party is and how to reach it; the CVR register holds both when we do not.
  party_address: organisation.address ?? `CVR ${organisation.cvr} (cvr.dk)`,
  party_contact: organisation.contact ?? `CVR ${organisation.cvr} (cvr.dk)`,
  party_role: role,
  party_type: type,
});

const DAY_MS = 86_400_000;

/** How long a state lasts, as an ISO 8601 duration: to the end of validity once given, nothing otherwise. */
function validityFrom(at: Date, state: string, validTo: Date | null | undefined): string {
  if (state !== "given") return "P0D";
  if (!validTo) return "until withdrawn";
  return `P${Math.max(0, Math.ceil((validTo.getTime() - at.getTime()) / DAY_MS))}D`;
}

/** A name-based id, so the same consent in the same state always has the same receipt id. */
function derivedId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join(":")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export function toIso27560Record(consent: RecordInput) {
  const answers = new Map((consent.answers ?? []).map((answer) => [answer.key, answer]));
  const given = consent.answers?.length ? consent.body.choices.filter((choice) => choice.kind === ChoiceKind.CHECKBOX && answers.get(choice.key)?.checked === true) : null;
  // Asked: every item the consent would cover; given: the items said yes to.
  const items = (given ?? consent.body.choices.filter((choice) => choice.kind === ChoiceKind.CHECKBOX)).map((choice) => ({
    pii_type: `${choice.group ? `${choice.group.da}: ` : ""}${choice.label.da}`,
    pii_attribute_id: choice.key,
    pii_optional: !choice.required,
  }));
  const authority = party(consent.authority, "PII controller", "public authority");
  return {
    schema_version: ISO27560_SCHEMA_VERSION,
    record_id: consent.id,
    pii_principal_id: consent.subjectId,
    pii_processing: {
      privacy_notice: `urn:samtykke:template:${consent.templateKey}@${consent.templateVersion}`,
      language: ["da", "en"],
      purposes: [
        {
          purpose: consent.body.purpose.da,
          purpose_type: consent.body.title.da,
          lawful_basis: LAWFUL_BASIS[consent.kind] ?? consent.kind,
          // The template's own words when it names no items one by one.
          pii_information: items.length ? items : [{ pii_type: consent.body.dataCovered.da, pii_optional: false }],
          pii_controllers: [authority.party_id],
          ...(consent.channel ? { collection_method: [COLLECTION_METHOD[consent.channel] ?? consent.channel] } : {}),
          storage_locations: ["DK"],
          retention_period: `${consent.retentionDays} days after the consent has ended; then its personal data is erased and only anonymous counts remain (GDPR art. 5(1)(e))`,
          jurisdiction: "DK",
          recipient_third_parties: consent.thirdParty ? [`CVR:${consent.thirdParty.cvr}`] : [],
          withdrawal_method: `${consent.body.howToWithdraw.da} (Mine samtykker på borger.dk, or the authority: ${authority.party_contact})`,
          ...(consent.caseReference ? { services: [`case ${consent.caseReference}`] } : {}),
          authority_party: DATATILSYNET.party_id,
        },
      ],
    },
    party_identification: [
      authority,
      ...(consent.thirdParty ? [party(consent.thirdParty, "third party", "recipient")] : []),
      { party_id: consent.subjectId, party_role: "PII principal", party_type: "data subject" },
      DATATILSYNET,
    ],
    event: consent.events
      .filter((event) => EVENT_STATE[event.action])
      .map((event) => {
        const state = EVENT_STATE[event.action]!;
        return {
          event_time: event.occurredAt.toISOString(),
          validity_duration: validityFrom(event.occurredAt, state, consent.validTo),
          entity_id: event.actorKind === "PLATFORM" ? "platform" : (event.actorId ?? consent.subjectId),
          event_type: "explicit",
          event_state: state,
        };
      }),
  };
}

export type Iso27560Record = ReturnType<typeof toIso27560Record>;

/** The receipt: its own id and time around the whole record, as the citizen and the authority keep it. */
export function toIso27560Receipt(record: Iso27560Record, createdAt: Date) {
  const last = record.event.at(-1);
  return {
    schema_version: ISO27560_SCHEMA_VERSION,
    receipt_id: derivedId("receipt", record.record_id, last?.event_time ?? "", last?.event_state ?? ""),
    receipt_created: createdAt.toISOString(),
    content: record,
  };
}
