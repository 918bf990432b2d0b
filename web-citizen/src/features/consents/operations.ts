import { gql, type TypedDocumentNode } from "@apollo/client";
import type { Choice, ChoiceAnswer, ConsentEvent } from "@samtykke/web-kit";
import type { ConsentStatus, LocalizedText } from "../../lib/i18n.js";

/** A consent as the citizen sees it; the list and the live events select the same fields. */
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
  answerBy: string | null;
  endedAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  caseReference: string | null;
  authority: { id: string; name: string };
  template: { id: string; version: number };
  subject: { id: string; name: string };
  givers: { id: string; name: string }[];
  signatures: { signer: { id: string } }[];
  stopConfirmations: StopConfirmation[];
}

/** A system that knew of a withdrawn or expired consent, and whether it has said it stopped. */
export interface StopConfirmation {
  recipientKind: "CASE_SYSTEM" | "THIRD_PARTY";
  caseSystem: { id: string; name: string } | null;
  thirdParty: { id: string; name: string } | null;
  confirmedAt: string | null;
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
    answerBy
    endedAt
    validFrom
    validTo
    caseReference
    authority { id name }
    template { id version }
    subject { id name }
    givers { id name }
    signatures { signer { id } }
    stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt }
  }
`;

// latestConsentCursor is read in the first step of the query plan, before the consents: subscribing
// after it, nothing that changes while the list loads is missed.
export const MY_CONSENTS: TypedDocumentNode<
  { latestConsentCursor: string; me: { id: string; name: string; cprMasked: string } | null; myConsents: CitizenConsent[] },
  Record<string, never>
> = gql`
  ${CONSENT_FIELDS}
  query MyConsents {
    latestConsentCursor
    me { id name cprMasked }
    myConsents(first: 100) { ...CitizenConsentFields }
  }
`;

// The platform sends a citizen only events about consents they may see: their own and those they act for.
export const MY_CONSENT_CHANGES: TypedDocumentNode<{ consentStatusChanged: ConsentEvent<CitizenConsent> }, { after?: string | null }> = gql`
  ${CONSENT_FIELDS}
  subscription MyConsentChanges($after: String) {
    consentStatusChanged(after: $after) {
      cursor
      status
      consent { ...CitizenConsentFields }
    }
  }
`;

export const GIVE_CONSENT: TypedDocumentNode<
  { giveConsent: Pick<CitizenConsent, "id" | "status" | "validFrom" | "validTo" | "endedAt" | "answers" | "signatures"> },
  { id: string; answers: ChoiceAnswer[] }
> = gql`
  mutation GiveConsent($id: ID!, $answers: [ChoiceAnswerInput!]!) {
    giveConsent(id: $id, answers: $answers) { id status validFrom validTo endedAt answers { key checked text } signatures { signer { id } } }
  }
`;

type Answer = TypedDocumentNode<Record<string, Pick<CitizenConsent, "id" | "status" | "endedAt">>, { id: string }>;

export const DECLINE_CONSENT: Answer = gql`
  mutation DeclineConsent($id: ID!) {
    declineConsent(id: $id) { id status endedAt }
  }
`;

export const WITHDRAW_CONSENT: Answer = gql`
  mutation WithdrawConsent($id: ID!) {
    withdrawConsent(id: $id) { id status endedAt }
  }
`;

/** What a consent's own page adds to the list's fields: its history and who signed when. */
export interface ConsentDetails {
  id: string;
  singleUse: boolean;
  thirdParty: { id: string; name: string } | null;
  signatures: { signer: { id: string; name: string }; onBehalfOf: { id: string; name: string } | null; method: string; signedAt: string }[];
  history: { cursor: string; action: string; status: ConsentStatus; occurredAt: string; actorKind: "CITIZEN" | "CASEWORKER" | "CASE_SYSTEM" | "PLATFORM"; actorId: string | null; channel: string | null }[];
}

export const CONSENT_DETAILS: TypedDocumentNode<{ consent: ConsentDetails }, { id: string }> = gql`
  query ConsentDetails($id: ID!) {
    consent(id: $id) {
      id
      singleUse
      thirdParty { id name }
      signatures { signer { id name } onBehalfOf { id name } method signedAt }
      history(first: 100) { cursor action status occurredAt actorKind actorId channel }
    }
  }
`;
