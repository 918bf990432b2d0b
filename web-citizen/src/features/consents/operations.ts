import { graphql } from "../../gql/index.js";
import type { CitizenConsentFieldsFragment, CitizenConsentSummaryFieldsFragment, ConsentDetailsQuery } from "../../gql/graphql.js";

/** A consent as the overview lists it: what it is, whose, from whom, and where it stands. */
export type CitizenConsentSummary = CitizenConsentSummaryFieldsFragment;

/** A consent as its own page shows it: the summary with every text, choice and answer. */
export type CitizenConsent = CitizenConsentFieldsFragment;

/** A system that knew of a withdrawn or expired consent, and whether it has said it stopped. */
export type StopConfirmation = CitizenConsent["stopConfirmations"][number];

// Found here by the code generator; each operation that spreads them carries them in its generated document.
// The overview lists up to 100 consents: their texts and choices (most of a consent's size) are read
// only by the page that shows them.
graphql(`
  fragment CitizenConsentSummaryFields on Consent {
    id
    status
    title { da en }
    purpose { da en }
    requestedAt
    answerBy
    remindedAt
    endedAt
    eraseAt
    validFrom
    validTo
    caseReference
    authority { id name }
    subject { id name }
    givers { id name }
    signatures { signer { id } }
  }
`);

graphql(`
  fragment CitizenConsentFields on Consent {
    ...CitizenConsentSummaryFields
    dataCovered { da en }
    partiesCovered { da en }
    consequencesOfYes { da en }
    consequencesOfNo { da en }
    howToWithdraw { da en }
    choices { key kind group { da en } label { da en } required maxLength }
    answers { key checked text }
    message
    returnUrl
    signers
    template { id version }
    stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt }
  }
`);

// latestConsentCursor is read in the first step of the query plan, before the consents: subscribing
// after it, nothing that changes while the list loads is missed.
export const MY_CONSENTS = graphql(`
  query MyConsents {
    latestConsentCursor
    me { id name cprMasked children { id name } powersOfAttorney { grantor { id name } basis } }
    myConsents(first: 100) { ...CitizenConsentSummaryFields }
  }
`);

/** One consent or request with everything its page shows; live through the same cache entry as the list. */
export const CITIZEN_CONSENT = graphql(`
  query CitizenConsent($id: ID!) {
    consent(id: $id) { ...CitizenConsentFields }
  }
`);

// The platform sends a citizen only events about consents they may see: their own and those they act for.
export const MY_CONSENT_CHANGES = graphql(`
  subscription MyConsentChanges($after: String) {
    consentStatusChanged(after: $after) {
      cursor
      status
      consent { ...CitizenConsentSummaryFields stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt } }
    }
  }
`);

export const GIVE_CONSENT = graphql(`
  mutation GiveConsent($id: ID!, $answers: [ChoiceAnswerInput!]!) {
    giveConsent(id: $id, answers: $answers) { id status validFrom validTo endedAt answers { key checked text } signatures { signer { id } } }
  }
`);

export const DECLINE_CONSENT = graphql(`
  mutation DeclineConsent($id: ID!) {
    declineConsent(id: $id) { id status endedAt }
  }
`);

export const WITHDRAW_CONSENT = graphql(`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) { id status endedAt }
  }
`);

export const PAUSE_CONSENT = graphql(`
  mutation PauseMyConsent($id: ID!) {
    pauseConsent(id: $id) { id status }
  }
`);

export const RESUME_CONSENT = graphql(`
  mutation ResumeMyConsent($id: ID!) {
    resumeConsent(id: $id) { id status }
  }
`);

/** What a consent's own page adds to the list's fields: its history and who signed when. */
export type ConsentDetails = ConsentDetailsQuery["consent"];

export const CONSENT_DETAILS = graphql(`
  query ConsentDetails($id: ID!) {
    consent(id: $id) {
      id
      singleUse
      thirdParty { id name }
      signatures { signer { id name } onBehalfOf { id name } method signedAt }
      history(first: 100) { cursor action status occurredAt actorKind actorId channel }
    }
  }
`);
