import { gql, type TypedDocumentNode } from "@apollo/client";
import type { Choice, ChoiceAnswer, ConsentEvent, ConsentTextFields } from "@samtykke/web-kit";
import type { ConsentStatus, LocalizedText } from "../../lib/i18n.js";

export type Channel = "DIGITAL" | "ON_BEHALF" | "PAPER" | "API";
export const CHANNELS: Channel[] = ["DIGITAL", "ON_BEHALF", "PAPER", "API"];

export interface CitizenRef {
  id: string;
  name: string;
  cprMasked: string;
}

/** A consent as a row of a list; the lists and the live events select the same fields. */
export interface AuthorityConsent {
  id: string;
  status: ConsentStatus;
  templateKey: string;
  templateVersion: number;
  title: LocalizedText;
  caseReference: string | null;
  channel: Channel | null;
  requestedAt: string;
  answerBy: string | null;
  validTo: string | null;
  subject: CitizenRef;
  /** After a withdrawal or expiry: the systems that knew the consent, and whether each has stopped. */
  stopConfirmations: { caseSystem: { id: string; name: string } | null; thirdParty: { id: string; name: string } | null; confirmedAt: string | null }[];
}

const CONSENT_ROW = gql`
  fragment AuthorityConsentRow on Consent {
    id
    status
    templateKey
    templateVersion
    title { da en }
    caseReference
    channel
    requestedAt
    answerBy
    validTo
    subject { id name cprMasked }
    stopConfirmations { caseSystem { id name } thirdParty { id name } confirmedAt }
  }
`;

export interface ConsentFilter {
  citizenId?: string;
  templateKey?: string;
  status?: ConsentStatus[];
  caseReference?: string;
  channel?: Channel;
  requestedFrom?: string;
  requestedBefore?: string;
  expiresBefore?: string;
  stopUnconfirmed?: boolean;
}

export type ConsentOrder = "NEWEST_FIRST" | "OLDEST_FIRST";

interface ConsentPage {
  totalCount: number;
  edges: { node: AuthorityConsent }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const FIND_CONSENTS: TypedDocumentNode<{ consents: ConsentPage }, { filter: ConsentFilter; first: number; after: string | null; order: ConsentOrder }> = gql`
  ${CONSENT_ROW}
  query FindConsents($filter: ConsentFilter, $first: Int!, $after: String, $order: ConsentOrder) {
    consents(filter: $filter, first: $first, after: $after, order: $order) {
      totalCount
      edges { node { ...AuthorityConsentRow } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const OVERVIEW: TypedDocumentNode<
  { consentStatusCounts: { status: ConsentStatus; count: number }[]; waiting: ConsentPage; expiring: ConsentPage; unconfirmed: ConsentPage },
  { expiresBefore: string }
> = gql`
  ${CONSENT_ROW}
  query AuthorityOverview($expiresBefore: DateTimeISO!) {
    consentStatusCounts { status count }
    waiting: consents(filter: { status: [REQUESTED] }, first: 5, order: OLDEST_FIRST) {
      totalCount
      edges { node { ...AuthorityConsentRow } }
      pageInfo { hasNextPage endCursor }
    }
    expiring: consents(filter: { expiresBefore: $expiresBefore }, first: 5, order: OLDEST_FIRST) {
      totalCount
      edges { node { ...AuthorityConsentRow } }
      pageInfo { hasNextPage endCursor }
    }
    unconfirmed: consents(filter: { stopUnconfirmed: true }, first: 5) {
      totalCount
      edges { node { ...AuthorityConsentRow } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const LATEST_CURSOR: TypedDocumentNode<{ latestConsentCursor: string }, Record<string, never>> = gql`
  query LatestConsentCursor {
    latestConsentCursor
  }
`;

export const AUTHORITY_CONSENT_CHANGES: TypedDocumentNode<{ consentStatusChanged: ConsentEvent<AuthorityConsent> }, { authorityId: string; after?: string | null }> = gql`
  ${CONSENT_ROW}
  subscription AuthorityConsentChanges($authorityId: ID, $after: String) {
    consentStatusChanged(authorityId: $authorityId, after: $after) {
      cursor
      status
      consent { ...AuthorityConsentRow }
    }
  }
`;

export const CITIZEN_BY_CPR: TypedDocumentNode<{ citizen: CitizenRef }, { cpr: string }> = gql`
  query CitizenByCpr($cpr: String!) {
    citizen(cpr: $cpr) { id name cprMasked }
  }
`;

export const CITIZEN_BY_ID: TypedDocumentNode<{ citizenById: CitizenRef }, { id: string }> = gql`
  query CitizenById($id: ID!) {
    citizenById(id: $id) { id name cprMasked }
  }
`;

export interface HistoryEntry {
  cursor: string;
  action: string;
  status: ConsentStatus;
  occurredAt: string;
  actorKind: "CITIZEN" | "CASEWORKER" | "CASE_SYSTEM" | "THIRD_PARTY" | "PLATFORM";
  actorId: string | null;
  channel: string | null;
  reason: string | null;
}

/** Everything a caseworker sees on a consent's own page. */
export interface ConsentDetail extends AuthorityConsent, ConsentTextFields {
  singleUse: boolean;
  answeredAt: string | null;
  validFrom: string | null;
  endedAt: string | null;
  attestation: { attestedBy: string; statement: string } | null;
  choices: Choice[];
  answers: ChoiceAnswer[] | null;
  givers: CitizenRef[];
  signatures: { signer: { id: string }; signedAt: string; method: string; contentHash: string }[];
  attachments: { id: string; fileName: string; mediaType: string; size: number }[];
  integrity: { intact: boolean; contentHash: string };
  history: HistoryEntry[];
}

export const CONSENT_DETAIL: TypedDocumentNode<{ consent: ConsentDetail }, { id: string }> = gql`
  ${CONSENT_ROW}
  query AuthorityConsentDetail($id: ID!) {
    consent(id: $id) {
      ...AuthorityConsentRow
      singleUse
      answeredAt
      validFrom
      endedAt
      attestation { attestedBy statement }
      purpose { da en }
      dataCovered { da en }
      partiesCovered { da en }
      consequencesOfYes { da en }
      consequencesOfNo { da en }
      howToWithdraw { da en }
      choices { key kind group { da en } label { da en } required maxLength }
      answers { key checked text }
      givers { id name cprMasked }
      signatures { signer { id } signedAt method contentHash }
      attachments { id fileName mediaType size }
      integrity { intact contentHash }
      history { cursor action status occurredAt actorKind actorId channel reason }
    }
  }
`;

export const ATTACHMENT_CONTENT: TypedDocumentNode<{ consentAttachmentContent: string }, { id: string }> = gql`
  query ConsentAttachmentContent($id: ID!) {
    consentAttachmentContent(id: $id)
  }
`;

type Changed = { id: string; status: ConsentStatus };
export const WITHDRAW: TypedDocumentNode<{ withdrawConsent: Changed }, { id: string; reason: string }> = gql`
  mutation WithdrawOnBehalf($id: ID!, $reason: String) { withdrawConsent(id: $id, reason: $reason) { id status } }
`;
export const PAUSE: TypedDocumentNode<{ pauseConsent: Changed }, { id: string }> = gql`
  mutation PauseConsent($id: ID!) { pauseConsent(id: $id) { id status } }
`;
export const RESUME: TypedDocumentNode<{ resumeConsent: Changed }, { id: string }> = gql`
  mutation ResumeConsent($id: ID!) { resumeConsent(id: $id) { id status } }
`;
export const MARK_USED: TypedDocumentNode<{ markConsentUsed: Changed }, { id: string }> = gql`
  mutation MarkConsentUsed($id: ID!) { markConsentUsed(id: $id) { id status } }
`;
export const CANCEL_REQUEST: TypedDocumentNode<{ cancelConsentRequest: Changed }, { id: string }> = gql`
  mutation CancelConsentRequest($id: ID!) { cancelConsentRequest(id: $id) { id status } }
`;
export const CLOSE_CASE: TypedDocumentNode<{ closeCase: Changed[] }, { caseReference: string; authorityId: string }> = gql`
  mutation CloseCase($caseReference: String!, $authorityId: ID!) { closeCase(caseReference: $caseReference, authorityId: $authorityId) { id status } }
`;
