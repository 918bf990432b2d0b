import { graphql } from "../../gql/index.js";
import type { AuthorityConsentDetailQuery, AuthorityConsentRowFragment, CitizenByCprQuery, ConsentChannel, ConsentFilter as ApiConsentFilter } from "../../gql/graphql.js";

export type Channel = ConsentChannel;
export type { ConsentOrder } from "../../gql/graphql.js";
export const CHANNELS: Channel[] = ["DIGITAL", "ON_BEHALF", "PAPER", "API"];

/** A consent as a row of a list; the lists and the live events select the same fields. */
export type AuthorityConsent = AuthorityConsentRowFragment;
export type CitizenRef = CitizenByCprQuery["citizen"];
/** Everything a caseworker sees on a consent's own page. */
export type ConsentDetail = AuthorityConsentDetailQuery["consent"];
export type HistoryEntry = ConsentDetail["history"][number];
/** The search as the app sends it; a CPR number never: the citizen is looked up first and named by id. */
export type ConsentFilter = Omit<ApiConsentFilter, "cpr">;

graphql(`
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
`);

graphql(`
  fragment ConsentPageOfResults on ConsentConnection {
    totalCount
    edges { node { ...AuthorityConsentRow } }
    pageInfo { hasNextPage endCursor }
  }
`);

export const FIND_CONSENTS = graphql(`
  query FindConsents($filter: ConsentFilter, $first: Int!, $after: String, $order: ConsentOrder) {
    consents(filter: $filter, first: $first, after: $after, order: $order) { ...ConsentPageOfResults }
  }
`);

export const OVERVIEW = graphql(`
  query AuthorityOverview($expiresBefore: DateTimeISO!) {
    consentStatusCounts { status count }
    waiting: consents(filter: { status: [REQUESTED] }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }
    expiring: consents(filter: { expiresBefore: $expiresBefore }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }
    unconfirmed: consents(filter: { stopUnconfirmed: true }, first: 5) { ...ConsentPageOfResults }
    followUps: consents(filter: { followUpOpen: true }, first: 5, order: OLDEST_FIRST) {
      totalCount
      edges { node { ...AuthorityConsentRow followUp { taskOpenedAt } } }
    }
  }
`);

export const LATEST_CURSOR = graphql(`
  query LatestConsentCursor {
    latestConsentCursor
  }
`);

export const AUTHORITY_CONSENT_CHANGES = graphql(`
  subscription AuthorityConsentChanges($authorityId: ID, $after: String) {
    consentStatusChanged(authorityId: $authorityId, after: $after) {
      cursor
      status
      consent { ...AuthorityConsentRow }
    }
  }
`);

export const CITIZEN_BY_CPR = graphql(`
  query CitizenByCpr($cpr: String!) {
    citizen(cpr: $cpr) { id name cprMasked }
  }
`);

export const CITIZEN_BY_ID = graphql(`
  query CitizenById($id: ID!) {
    citizenById(id: $id) { id name cprMasked }
  }
`);

export const CONSENT_DETAIL = graphql(`
  query AuthorityConsentDetail($id: ID!) {
    consent(id: $id) {
      ...AuthorityConsentRow
      singleUse
      signers
      remindedAt
      message
      answeredAt
      validFrom
      endedAt
      eraseAt
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
      followUp { reminderDueAt taskDueAt taskOpenedAt taskDoneAt taskOpen }
      accessLog(first: 100) { occurredAt action actorKind authority { id name } thirdParty { id name } purpose }
    }
  }
`);

export const ATTACHMENT_CONTENT = graphql(`
  query ConsentAttachmentContent($id: ID!) {
    consentAttachmentContent(id: $id)
  }
`);

export const WITHDRAW = graphql(`
  mutation WithdrawOnBehalf($id: ID!, $reason: String) { withdrawConsent(id: $id, reason: $reason) { id status } }
`);
export const PAUSE = graphql(`
  mutation PauseConsent($id: ID!, $reason: String) { pauseConsent(id: $id, reason: $reason) { id status } }
`);
export const RESUME = graphql(`
  mutation ResumeConsent($id: ID!, $reason: String) { resumeConsent(id: $id, reason: $reason) { id status } }
`);
export const MARK_USED = graphql(`
  mutation MarkConsentUsed($id: ID!) { markConsentUsed(id: $id) { id status } }
`);
export const CANCEL_REQUEST = graphql(`
  mutation CancelConsentRequest($id: ID!) { cancelConsentRequest(id: $id) { id status } }
`);
export const REMIND = graphql(`
  mutation RemindConsentRequest($id: ID!) { remindConsentRequest(id: $id) { id status } }
`);
export const COMPLETE_FOLLOW_UP = graphql(`
  mutation CompleteFollowUp($id: ID!, $note: String!) { completeFollowUp(id: $id, note: $note) { id status followUp { taskOpen taskDoneAt } } }
`);
export const CLOSE_CASE = graphql(`
  mutation CloseCase($caseReference: String!, $authorityId: ID!) { closeCase(caseReference: $caseReference, authorityId: $authorityId) { id status } }
`);

export const CASEWORKER_NAME = graphql(`
  query CaseworkerName($id: ID!) { caseworker(id: $id) { id name } }
`);

/** The consent's sealed document, checked by the platform as anyone receiving it would. */
export const VERIFY_SEALED_DOCUMENT = graphql(`
  query SealedConsentDocument($id: ID!) { consent(id: $id) { id document } }
`);

export const VERIFY_DOCUMENT = graphql(`
  query VerifyConsentDocument($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict why } }
`);
