import { gql, type TypedDocumentNode } from "@apollo/client";
import type { ConsentEvent } from "@samtykke/web-kit";
import type { ConsentStatus, LocalizedText } from "../../lib/i18n.js";

/** A consent as the citizen sees it; the list and the live events select the same fields. */
export interface Choice {
  key: string;
  kind: "CHECKBOX" | "TEXT";
  group: LocalizedText | null;
  label: LocalizedText;
  required: boolean;
  maxLength: number | null;
}

export interface ChoiceAnswer {
  key: string;
  checked?: boolean | null;
  text?: string | null;
}

export interface CitizenConsent {
  id: string;
  status: ConsentStatus;
  title: LocalizedText;
  purpose: LocalizedText;
  dataCovered: LocalizedText;
  partiesCovered: LocalizedText;
  consequencesOfYes: LocalizedText;
  consequencesOfNo: LocalizedText;
  howToWithdraw: LocalizedText;
  choices: Choice[];
  answers: { key: string; checked: boolean | null; text: string | null }[] | null;
  requestedAt: string;
  validFrom: string | null;
  validTo: string | null;
  caseReference: string | null;
  authority: { id: string; name: string };
  template: { id: string; version: number };
}

const CONSENT_FIELDS = gql`
  fragment CitizenConsentFields on Consent {
    id
    status
    title { da en }
    purpose { da en }
    dataCovered { da en }
    partiesCovered { da en }
    consequencesOfYes { da en }
    consequencesOfNo { da en }
    howToWithdraw { da en }
    choices { key kind group { da en } label { da en } required maxLength }
    answers { key checked text }
    requestedAt
    validFrom
    validTo
    caseReference
    authority { id name }
    template { id version }
  }
`;

// latestConsentCursor is read in the first step of the query plan, before the consents: subscribing
// after it, nothing that changes while the list loads is missed.
export const MY_CONSENTS: TypedDocumentNode<
  { latestConsentCursor: string; citizen: { id: string; name: string; cprMasked: string; consents: CitizenConsent[] } },
  { cpr: string }
> = gql`
  ${CONSENT_FIELDS}
  query MyConsents($cpr: String!) {
    latestConsentCursor
    citizen(cpr: $cpr) {
      id
      name
      cprMasked
      consents(first: 100) { ...CitizenConsentFields }
    }
  }
`;

export const MY_CONSENT_CHANGES: TypedDocumentNode<
  { consentStatusChanged: ConsentEvent<CitizenConsent> },
  { citizenId: string; after?: string | null }
> = gql`
  ${CONSENT_FIELDS}
  subscription MyConsentChanges($citizenId: ID, $after: String) {
    consentStatusChanged(citizenId: $citizenId, after: $after) {
      cursor
      status
      consent { ...CitizenConsentFields }
    }
  }
`;

export const GIVE_CONSENT: TypedDocumentNode<
  { giveConsent: Pick<CitizenConsent, "id" | "status" | "validFrom" | "validTo"> },
  { id: string; answers: ChoiceAnswer[] }
> = gql`
  mutation GiveConsent($id: ID!, $answers: [ChoiceAnswerInput!]!) {
    giveConsent(id: $id, answers: $answers) { id status validFrom validTo answers { key checked text } }
  }
`;

type Answer = TypedDocumentNode<Record<string, Pick<CitizenConsent, "id" | "status">>, { id: string }>;

export const DECLINE_CONSENT: Answer = gql`
  mutation DeclineConsent($id: ID!) {
    declineConsent(id: $id) { id status }
  }
`;

export const WITHDRAW_CONSENT: Answer = gql`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) { id status }
  }
`;
