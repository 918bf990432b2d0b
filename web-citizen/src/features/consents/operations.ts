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
