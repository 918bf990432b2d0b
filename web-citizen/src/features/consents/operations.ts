import { gql, type TypedDocumentNode } from "@apollo/client";
import type { ConsentEvent } from "@samtykke/web-kit";
import type { ConsentStatus, LocalizedText } from "../../lib/i18n.js";

/** A consent as the citizen sees it; the list and the live events select the same fields. */
export interface CitizenConsent {
  id: string;
  status: ConsentStatus;
  title: LocalizedText;
  purpose: LocalizedText;
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
  { id: string }
> = gql`
  mutation GiveConsent($id: ID!) {
    giveConsent(id: $id) { id status validFrom validTo }
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
