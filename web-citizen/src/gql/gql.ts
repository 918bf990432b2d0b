/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyLookUps($first: Int!) {\n    myLookUps(first: $first) {\n      id occurredAt actorKind fields authority { id name } citizen { id name }\n    }\n    me { id }\n  }\n": typeof types.MyLookUpsDocument,
    "\n  query MyConsentAccessLog($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myConsentAccessLog(first: $first, after: $after, before: $before, consentId: $consentId) {\n      cursor occurredAt action actorKind authority { id name } thirdParty { id name } consent { id title { da en } caseReference } purpose\n    }\n  }\n": typeof types.MyConsentAccessLogDocument,
    "\n    query ConsentReceiptDocument($id: ID!) {\n      consent(id: $id) { id document }\n    }\n  ": typeof types.ConsentReceiptDocumentDocument,
    "\n    query ConsentReceiptFhir($id: ID!) {\n      consent(id: $id) { id fhir }\n    }\n  ": typeof types.ConsentReceiptFhirDocument,
    "\n    query ConsentReceiptIso27560($id: ID!) {\n      consent(id: $id) { id iso27560 }\n    }\n  ": typeof types.ConsentReceiptIso27560Document,
    "\n  fragment CitizenConsentSummaryFields on Consent {\n    id\n    status\n    title { da en }\n    purpose { da en }\n    requestedAt\n    answerBy\n    remindedAt\n    endedAt\n    eraseAt\n    validFrom\n    validTo\n    caseReference\n    authority { id name }\n    subject { id name }\n    givers { id name }\n    signatures { signer { id } }\n  }\n": typeof types.CitizenConsentSummaryFieldsFragmentDoc,
    "\n  fragment CitizenConsentFields on Consent {\n    ...CitizenConsentSummaryFields\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    answers { key checked text }\n    message\n    returnUrl\n    signers\n    template { id version }\n    stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n": typeof types.CitizenConsentFieldsFragmentDoc,
    "\n  query MyConsents {\n    latestConsentCursor\n    me { id name cprMasked children { id name } powersOfAttorney { grantor { id name } basis } }\n    myConsents(first: 100) { ...CitizenConsentSummaryFields }\n  }\n": typeof types.MyConsentsDocument,
    "\n  query CitizenConsent($id: ID!) {\n    consent(id: $id) { ...CitizenConsentFields }\n  }\n": typeof types.CitizenConsentDocument,
    "\n  subscription MyConsentChanges($after: String) {\n    consentStatusChanged(after: $after) {\n      cursor\n      status\n      consent { ...CitizenConsentSummaryFields stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt } }\n    }\n  }\n": typeof types.MyConsentChangesDocument,
    "\n  mutation GiveConsent($id: ID!, $answers: [ChoiceAnswerInput!]!) {\n    giveConsent(id: $id, answers: $answers) { id status validFrom validTo endedAt answers { key checked text } signatures { signer { id } } }\n  }\n": typeof types.GiveConsentDocument,
    "\n  mutation DeclineConsent($id: ID!) {\n    declineConsent(id: $id) { id status endedAt }\n  }\n": typeof types.DeclineConsentDocument,
    "\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) { id status endedAt }\n  }\n": typeof types.WithdrawConsentDocument,
    "\n  mutation PauseMyConsent($id: ID!) {\n    pauseConsent(id: $id) { id status }\n  }\n": typeof types.PauseMyConsentDocument,
    "\n  mutation ResumeMyConsent($id: ID!) {\n    resumeConsent(id: $id) { id status }\n  }\n": typeof types.ResumeMyConsentDocument,
    "\n  query ConsentDetails($id: ID!) {\n    consent(id: $id) {\n      id\n      singleUse\n      thirdParty { id name }\n      signatures { signer { id name } onBehalfOf { id name } method signedAt }\n      history(first: 100) { cursor action status occurredAt actorKind actorId channel }\n    }\n  }\n": typeof types.ConsentDetailsDocument,
    "\n  query MyMailbox($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myMailbox(first: $first, after: $after, before: $before, consentId: $consentId) { id cursor kind title { da en } sentAt readAt consent { id status } }\n  }\n": typeof types.MyMailboxDocument,
    "\n  query LetterPdf($id: ID!) {\n    mailboxLetter(id: $id) { id pdfBase64 }\n  }\n": typeof types.LetterPdfDocument,
    "\n  mutation MarkLetterRead($id: ID!) {\n    markLetterRead(id: $id) { id readAt }\n  }\n": typeof types.MarkLetterReadDocument,
    "\n  mutation RequestMyDataExport($citizenId: ID) {\n    requestMyDataExport(citizenId: $citizenId) { id status done total size }\n  }\n": typeof types.RequestMyDataExportDocument,
    "\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) { id status done total size readyAt subject { id name } }\n  }\n": typeof types.MyDataExportDocument,
    "\n  query MyDataExportArchive($id: ID!) {\n    myDataExport(id: $id) { id archiveBase64 }\n  }\n": typeof types.MyDataExportArchiveDocument,
    "\n  query PublicRegister {\n    templates(first: 100) { id key version publishedAt title { da en } consentsInForce authority { id name } }\n  }\n": typeof types.PublicRegisterDocument,
    "\n  query RegisterTemplateVersions($key: String!) {\n    templateVersions(key: $key) {\n      id\n      key\n      version\n      status\n      publishedAt\n      kind\n      defaultValidityDays\n      retentionDays\n      consentsInForce\n      authority { id name }\n      thirdParty { id name }\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key label { da en } }\n    }\n  }\n": typeof types.RegisterTemplateVersionsDocument,
};
const documents: Documents = {
    "\n  query MyLookUps($first: Int!) {\n    myLookUps(first: $first) {\n      id occurredAt actorKind fields authority { id name } citizen { id name }\n    }\n    me { id }\n  }\n": types.MyLookUpsDocument,
    "\n  query MyConsentAccessLog($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myConsentAccessLog(first: $first, after: $after, before: $before, consentId: $consentId) {\n      cursor occurredAt action actorKind authority { id name } thirdParty { id name } consent { id title { da en } caseReference } purpose\n    }\n  }\n": types.MyConsentAccessLogDocument,
    "\n    query ConsentReceiptDocument($id: ID!) {\n      consent(id: $id) { id document }\n    }\n  ": types.ConsentReceiptDocumentDocument,
    "\n    query ConsentReceiptFhir($id: ID!) {\n      consent(id: $id) { id fhir }\n    }\n  ": types.ConsentReceiptFhirDocument,
    "\n    query ConsentReceiptIso27560($id: ID!) {\n      consent(id: $id) { id iso27560 }\n    }\n  ": types.ConsentReceiptIso27560Document,
    "\n  fragment CitizenConsentSummaryFields on Consent {\n    id\n    status\n    title { da en }\n    purpose { da en }\n    requestedAt\n    answerBy\n    remindedAt\n    endedAt\n    eraseAt\n    validFrom\n    validTo\n    caseReference\n    authority { id name }\n    subject { id name }\n    givers { id name }\n    signatures { signer { id } }\n  }\n": types.CitizenConsentSummaryFieldsFragmentDoc,
    "\n  fragment CitizenConsentFields on Consent {\n    ...CitizenConsentSummaryFields\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    answers { key checked text }\n    message\n    returnUrl\n    signers\n    template { id version }\n    stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n": types.CitizenConsentFieldsFragmentDoc,
    "\n  query MyConsents {\n    latestConsentCursor\n    me { id name cprMasked children { id name } powersOfAttorney { grantor { id name } basis } }\n    myConsents(first: 100) { ...CitizenConsentSummaryFields }\n  }\n": types.MyConsentsDocument,
    "\n  query CitizenConsent($id: ID!) {\n    consent(id: $id) { ...CitizenConsentFields }\n  }\n": types.CitizenConsentDocument,
    "\n  subscription MyConsentChanges($after: String) {\n    consentStatusChanged(after: $after) {\n      cursor\n      status\n      consent { ...CitizenConsentSummaryFields stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt } }\n    }\n  }\n": types.MyConsentChangesDocument,
    "\n  mutation GiveConsent($id: ID!, $answers: [ChoiceAnswerInput!]!) {\n    giveConsent(id: $id, answers: $answers) { id status validFrom validTo endedAt answers { key checked text } signatures { signer { id } } }\n  }\n": types.GiveConsentDocument,
    "\n  mutation DeclineConsent($id: ID!) {\n    declineConsent(id: $id) { id status endedAt }\n  }\n": types.DeclineConsentDocument,
    "\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) { id status endedAt }\n  }\n": types.WithdrawConsentDocument,
    "\n  mutation PauseMyConsent($id: ID!) {\n    pauseConsent(id: $id) { id status }\n  }\n": types.PauseMyConsentDocument,
    "\n  mutation ResumeMyConsent($id: ID!) {\n    resumeConsent(id: $id) { id status }\n  }\n": types.ResumeMyConsentDocument,
    "\n  query ConsentDetails($id: ID!) {\n    consent(id: $id) {\n      id\n      singleUse\n      thirdParty { id name }\n      signatures { signer { id name } onBehalfOf { id name } method signedAt }\n      history(first: 100) { cursor action status occurredAt actorKind actorId channel }\n    }\n  }\n": types.ConsentDetailsDocument,
    "\n  query MyMailbox($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myMailbox(first: $first, after: $after, before: $before, consentId: $consentId) { id cursor kind title { da en } sentAt readAt consent { id status } }\n  }\n": types.MyMailboxDocument,
    "\n  query LetterPdf($id: ID!) {\n    mailboxLetter(id: $id) { id pdfBase64 }\n  }\n": types.LetterPdfDocument,
    "\n  mutation MarkLetterRead($id: ID!) {\n    markLetterRead(id: $id) { id readAt }\n  }\n": types.MarkLetterReadDocument,
    "\n  mutation RequestMyDataExport($citizenId: ID) {\n    requestMyDataExport(citizenId: $citizenId) { id status done total size }\n  }\n": types.RequestMyDataExportDocument,
    "\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) { id status done total size readyAt subject { id name } }\n  }\n": types.MyDataExportDocument,
    "\n  query MyDataExportArchive($id: ID!) {\n    myDataExport(id: $id) { id archiveBase64 }\n  }\n": types.MyDataExportArchiveDocument,
    "\n  query PublicRegister {\n    templates(first: 100) { id key version publishedAt title { da en } consentsInForce authority { id name } }\n  }\n": types.PublicRegisterDocument,
    "\n  query RegisterTemplateVersions($key: String!) {\n    templateVersions(key: $key) {\n      id\n      key\n      version\n      status\n      publishedAt\n      kind\n      defaultValidityDays\n      retentionDays\n      consentsInForce\n      authority { id name }\n      thirdParty { id name }\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key label { da en } }\n    }\n  }\n": types.RegisterTemplateVersionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLookUps($first: Int!) {\n    myLookUps(first: $first) {\n      id occurredAt actorKind fields authority { id name } citizen { id name }\n    }\n    me { id }\n  }\n"): (typeof documents)["\n  query MyLookUps($first: Int!) {\n    myLookUps(first: $first) {\n      id occurredAt actorKind fields authority { id name } citizen { id name }\n    }\n    me { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyConsentAccessLog($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myConsentAccessLog(first: $first, after: $after, before: $before, consentId: $consentId) {\n      cursor occurredAt action actorKind authority { id name } thirdParty { id name } consent { id title { da en } caseReference } purpose\n    }\n  }\n"): (typeof documents)["\n  query MyConsentAccessLog($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myConsentAccessLog(first: $first, after: $after, before: $before, consentId: $consentId) {\n      cursor occurredAt action actorKind authority { id name } thirdParty { id name } consent { id title { da en } caseReference } purpose\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ConsentReceiptDocument($id: ID!) {\n      consent(id: $id) { id document }\n    }\n  "): (typeof documents)["\n    query ConsentReceiptDocument($id: ID!) {\n      consent(id: $id) { id document }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ConsentReceiptFhir($id: ID!) {\n      consent(id: $id) { id fhir }\n    }\n  "): (typeof documents)["\n    query ConsentReceiptFhir($id: ID!) {\n      consent(id: $id) { id fhir }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ConsentReceiptIso27560($id: ID!) {\n      consent(id: $id) { id iso27560 }\n    }\n  "): (typeof documents)["\n    query ConsentReceiptIso27560($id: ID!) {\n      consent(id: $id) { id iso27560 }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitizenConsentSummaryFields on Consent {\n    id\n    status\n    title { da en }\n    purpose { da en }\n    requestedAt\n    answerBy\n    remindedAt\n    endedAt\n    eraseAt\n    validFrom\n    validTo\n    caseReference\n    authority { id name }\n    subject { id name }\n    givers { id name }\n    signatures { signer { id } }\n  }\n"): (typeof documents)["\n  fragment CitizenConsentSummaryFields on Consent {\n    id\n    status\n    title { da en }\n    purpose { da en }\n    requestedAt\n    answerBy\n    remindedAt\n    endedAt\n    eraseAt\n    validFrom\n    validTo\n    caseReference\n    authority { id name }\n    subject { id name }\n    givers { id name }\n    signatures { signer { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CitizenConsentFields on Consent {\n    ...CitizenConsentSummaryFields\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    answers { key checked text }\n    message\n    returnUrl\n    signers\n    template { id version }\n    stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n"): (typeof documents)["\n  fragment CitizenConsentFields on Consent {\n    ...CitizenConsentSummaryFields\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    answers { key checked text }\n    message\n    returnUrl\n    signers\n    template { id version }\n    stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyConsents {\n    latestConsentCursor\n    me { id name cprMasked children { id name } powersOfAttorney { grantor { id name } basis } }\n    myConsents(first: 100) { ...CitizenConsentSummaryFields }\n  }\n"): (typeof documents)["\n  query MyConsents {\n    latestConsentCursor\n    me { id name cprMasked children { id name } powersOfAttorney { grantor { id name } basis } }\n    myConsents(first: 100) { ...CitizenConsentSummaryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenConsent($id: ID!) {\n    consent(id: $id) { ...CitizenConsentFields }\n  }\n"): (typeof documents)["\n  query CitizenConsent($id: ID!) {\n    consent(id: $id) { ...CitizenConsentFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyConsentChanges($after: String) {\n    consentStatusChanged(after: $after) {\n      cursor\n      status\n      consent { ...CitizenConsentSummaryFields stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt } }\n    }\n  }\n"): (typeof documents)["\n  subscription MyConsentChanges($after: String) {\n    consentStatusChanged(after: $after) {\n      cursor\n      status\n      consent { ...CitizenConsentSummaryFields stopConfirmations { recipientKind caseSystem { id name } thirdParty { id name } confirmedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GiveConsent($id: ID!, $answers: [ChoiceAnswerInput!]!) {\n    giveConsent(id: $id, answers: $answers) { id status validFrom validTo endedAt answers { key checked text } signatures { signer { id } } }\n  }\n"): (typeof documents)["\n  mutation GiveConsent($id: ID!, $answers: [ChoiceAnswerInput!]!) {\n    giveConsent(id: $id, answers: $answers) { id status validFrom validTo endedAt answers { key checked text } signatures { signer { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineConsent($id: ID!) {\n    declineConsent(id: $id) { id status endedAt }\n  }\n"): (typeof documents)["\n  mutation DeclineConsent($id: ID!) {\n    declineConsent(id: $id) { id status endedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) { id status endedAt }\n  }\n"): (typeof documents)["\n  mutation WithdrawConsent($id: ID!) {\n    withdrawConsent(id: $id) { id status endedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseMyConsent($id: ID!) {\n    pauseConsent(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation PauseMyConsent($id: ID!) {\n    pauseConsent(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeMyConsent($id: ID!) {\n    resumeConsent(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation ResumeMyConsent($id: ID!) {\n    resumeConsent(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentDetails($id: ID!) {\n    consent(id: $id) {\n      id\n      singleUse\n      thirdParty { id name }\n      signatures { signer { id name } onBehalfOf { id name } method signedAt }\n      history(first: 100) { cursor action status occurredAt actorKind actorId channel }\n    }\n  }\n"): (typeof documents)["\n  query ConsentDetails($id: ID!) {\n    consent(id: $id) {\n      id\n      singleUse\n      thirdParty { id name }\n      signatures { signer { id name } onBehalfOf { id name } method signedAt }\n      history(first: 100) { cursor action status occurredAt actorKind actorId channel }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMailbox($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myMailbox(first: $first, after: $after, before: $before, consentId: $consentId) { id cursor kind title { da en } sentAt readAt consent { id status } }\n  }\n"): (typeof documents)["\n  query MyMailbox($first: Int!, $after: String, $before: String, $consentId: ID) {\n    myMailbox(first: $first, after: $after, before: $before, consentId: $consentId) { id cursor kind title { da en } sentAt readAt consent { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LetterPdf($id: ID!) {\n    mailboxLetter(id: $id) { id pdfBase64 }\n  }\n"): (typeof documents)["\n  query LetterPdf($id: ID!) {\n    mailboxLetter(id: $id) { id pdfBase64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkLetterRead($id: ID!) {\n    markLetterRead(id: $id) { id readAt }\n  }\n"): (typeof documents)["\n  mutation MarkLetterRead($id: ID!) {\n    markLetterRead(id: $id) { id readAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMyDataExport($citizenId: ID) {\n    requestMyDataExport(citizenId: $citizenId) { id status done total size }\n  }\n"): (typeof documents)["\n  mutation RequestMyDataExport($citizenId: ID) {\n    requestMyDataExport(citizenId: $citizenId) { id status done total size }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) { id status done total size readyAt subject { id name } }\n  }\n"): (typeof documents)["\n  query MyDataExport($id: ID!) {\n    myDataExport(id: $id) { id status done total size readyAt subject { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDataExportArchive($id: ID!) {\n    myDataExport(id: $id) { id archiveBase64 }\n  }\n"): (typeof documents)["\n  query MyDataExportArchive($id: ID!) {\n    myDataExport(id: $id) { id archiveBase64 }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicRegister {\n    templates(first: 100) { id key version publishedAt title { da en } consentsInForce authority { id name } }\n  }\n"): (typeof documents)["\n  query PublicRegister {\n    templates(first: 100) { id key version publishedAt title { da en } consentsInForce authority { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegisterTemplateVersions($key: String!) {\n    templateVersions(key: $key) {\n      id\n      key\n      version\n      status\n      publishedAt\n      kind\n      defaultValidityDays\n      retentionDays\n      consentsInForce\n      authority { id name }\n      thirdParty { id name }\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key label { da en } }\n    }\n  }\n"): (typeof documents)["\n  query RegisterTemplateVersions($key: String!) {\n    templateVersions(key: $key) {\n      id\n      key\n      version\n      status\n      publishedAt\n      kind\n      defaultValidityDays\n      retentionDays\n      consentsInForce\n      authority { id name }\n      thirdParty { id name }\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key label { da en } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;