import { gql, type TypedDocumentNode } from "@apollo/client";
import type { ConsentEvent } from "@samtykke/web-kit";
import type { ConsentStatus, LocalizedText } from "../../lib/i18n.js";

/** A consent as the caseworker sees it; the table and the live events select the same fields. */
export interface AuthorityConsent {
  id: string;
  status: ConsentStatus;
  templateKey: string;
  templateVersion: number;
  title: LocalizedText;
  caseReference: string | null;
  requestedAt: string;
  validTo: string | null;
  subject: { id: string; name: string; cprMasked: string };
  /** After a withdrawal or expiry: the systems that knew the consent, and whether each has stopped. */
  stopConfirmations: { caseSystem: { id: string; name: string } | null; thirdParty: { id: string; name: string } | null; confirmedAt: string | null }[];
}

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
    stopConfirmations { caseSystem { id name } thirdParty { id name } confirmedAt }
  }
`;

// latestConsentCursor is read in the first step of the query plan, before the consents: subscribing
// after it, nothing that changes while the table loads is missed.
export const AUTHORITY_CONSENTS: TypedDocumentNode<
  { latestConsentCursor: string; authority: { id: string; consents: AuthorityConsent[] } },
  { authorityId: string }
> = gql`
  ${CONSENT_FIELDS}
  query AuthorityConsents($authorityId: ID!) {
    latestConsentCursor
    authority(id: $authorityId) {
      id
      consents(first: 100) { ...AuthorityConsentFields }
    }
  }
`;

export const AUTHORITY_CONSENT_CHANGES: TypedDocumentNode<
  { consentStatusChanged: ConsentEvent<AuthorityConsent> },
  { authorityId: string; after?: string | null }
> = gql`
  ${CONSENT_FIELDS}
  subscription AuthorityConsentChanges($authorityId: ID, $after: String) {
    consentStatusChanged(authorityId: $authorityId, after: $after) {
      cursor
      status
      consent { ...AuthorityConsentFields }
    }
  }
`;
