import { gql } from "@apollo/client";

const CONSENT_FIELDS = gql`
  fragment CitizenConsentFields on Consent {
    id
    status
    title { da en }
    purpose { da en }
    caseReference
    requestedAt
    validFrom
    validTo
    authority { id name }
  }
`;

export const MY_CONSENTS = gql`
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

export const CONSENT_CHANGES = gql`
  ${CONSENT_FIELDS}
  subscription MyConsentChanges($citizenId: ID!, $after: String) {
    consentStatusChanged(citizenId: $citizenId, after: $after) {
      cursor
      status
      consent { ...CitizenConsentFields }
    }
  }
`;

export const GIVE_CONSENT = gql`
  ${CONSENT_FIELDS}
  mutation GiveConsent($id: ID!) {
    giveConsent(id: $id) { ...CitizenConsentFields }
  }
`;

export interface CitizenConsent {
  id: string;
  status: string;
  title: { da: string; en: string };
  purpose: { da: string; en: string };
  caseReference: string | null;
  requestedAt: string;
  validFrom: string | null;
  validTo: string | null;
  authority: { id: string; name: string };
}
