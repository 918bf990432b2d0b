import { gql } from "@apollo/client";

const CONSENT_FIELDS = gql`
  fragment AuthorityConsentFields on Consent {
    id
    status
    templateKey
    templateVersion
    title { da en }
    caseReference
    requestedAt
    validTo
    subject { id name cprMasked }
  }
`;

export const AUTHORITY_CONSENTS = gql`
  ${CONSENT_FIELDS}
  query AuthorityConsents($authorityId: ID!) {
    latestConsentCursor
    authority(id: $authorityId) {
      id
      consents(first: 100) { ...AuthorityConsentFields }
    }
  }
`;

export const AUTHORITY_CONSENT_CHANGES = gql`
  ${CONSENT_FIELDS}
  subscription AuthorityConsentChanges($authorityId: ID!, $after: String) {
    consentStatusChanged(authorityId: $authorityId, after: $after) {
      cursor
      status
      consent { ...AuthorityConsentFields }
    }
  }
`;

export interface AuthorityConsent {
  id: string;
  status: string;
  templateKey: string;
  templateVersion: number;
  title: { da: string; en: string };
  caseReference: string | null;
  requestedAt: string;
  validTo: string | null;
  subject: { id: string; name: string; cprMasked: string };
}
