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
    "\n  fragment AuthorityConsentRow on Consent {\n    id\n    status\n    templateKey\n    templateVersion\n    title { da en }\n    caseReference\n    channel\n    requestedAt\n    answerBy\n    validTo\n    subject { id name cprMasked }\n    stopConfirmations { caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n": typeof types.AuthorityConsentRowFragmentDoc,
    "\n  fragment ConsentPageOfResults on ConsentConnection {\n    totalCount\n    edges { node { ...AuthorityConsentRow } }\n    pageInfo { hasNextPage endCursor }\n  }\n": typeof types.ConsentPageOfResultsFragmentDoc,
    "\n  query FindConsents($filter: ConsentFilter, $first: Int!, $after: String, $order: ConsentOrder) {\n    consents(filter: $filter, first: $first, after: $after, order: $order) { ...ConsentPageOfResults }\n  }\n": typeof types.FindConsentsDocument,
    "\n  query AuthorityOverview($expiresBefore: DateTimeISO!) {\n    consentStatusCounts { status count }\n    waiting: consents(filter: { status: [REQUESTED] }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    expiring: consents(filter: { expiresBefore: $expiresBefore }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    unconfirmed: consents(filter: { stopUnconfirmed: true }, first: 5) { ...ConsentPageOfResults }\n    followUps: consents(filter: { followUpOpen: true }, first: 5, order: OLDEST_FIRST) {\n      totalCount\n      edges { node { ...AuthorityConsentRow followUp { taskOpenedAt } } }\n    }\n  }\n": typeof types.AuthorityOverviewDocument,
    "\n  query LatestConsentCursor {\n    latestConsentCursor\n  }\n": typeof types.LatestConsentCursorDocument,
    "\n  subscription AuthorityConsentChanges($authorityId: ID, $after: String) {\n    consentStatusChanged(authorityId: $authorityId, after: $after) {\n      cursor\n      status\n      consent { ...AuthorityConsentRow }\n    }\n  }\n": typeof types.AuthorityConsentChangesDocument,
    "\n  query CitizenByCpr($cpr: String!) {\n    citizen(cpr: $cpr) { id name cprMasked }\n  }\n": typeof types.CitizenByCprDocument,
    "\n  query CitizenById($id: ID!) {\n    citizenById(id: $id) { id name cprMasked }\n  }\n": typeof types.CitizenByIdDocument,
    "\n  query AuthorityConsentDetail($id: ID!) {\n    consent(id: $id) {\n      ...AuthorityConsentRow\n      singleUse\n      signers\n      remindedAt\n      message\n      answeredAt\n      validFrom\n      endedAt\n      eraseAt\n      attestation { attestedBy statement }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n      answers { key checked text }\n      givers { id name cprMasked }\n      signatures { signer { id } signedAt method contentHash }\n      attachments { id fileName mediaType size }\n      integrity { intact contentHash }\n      history { cursor action status occurredAt actorKind actorId channel reason }\n      followUp { reminderDueAt taskDueAt taskOpenedAt taskDoneAt taskOpen }\n      accessLog(first: 100) { occurredAt action actorKind authority { id name } thirdParty { id name } purpose }\n    }\n  }\n": typeof types.AuthorityConsentDetailDocument,
    "\n  query ConsentAttachmentContent($id: ID!) {\n    consentAttachmentContent(id: $id)\n  }\n": typeof types.ConsentAttachmentContentDocument,
    "\n  mutation WithdrawOnBehalf($id: ID!, $reason: String) { withdrawConsent(id: $id, reason: $reason) { id status } }\n": typeof types.WithdrawOnBehalfDocument,
    "\n  mutation PauseConsent($id: ID!, $reason: String) { pauseConsent(id: $id, reason: $reason) { id status } }\n": typeof types.PauseConsentDocument,
    "\n  mutation ResumeConsent($id: ID!, $reason: String) { resumeConsent(id: $id, reason: $reason) { id status } }\n": typeof types.ResumeConsentDocument,
    "\n  mutation MarkConsentUsed($id: ID!) { markConsentUsed(id: $id) { id status } }\n": typeof types.MarkConsentUsedDocument,
    "\n  mutation CancelConsentRequest($id: ID!) { cancelConsentRequest(id: $id) { id status } }\n": typeof types.CancelConsentRequestDocument,
    "\n  mutation RemindConsentRequest($id: ID!) { remindConsentRequest(id: $id) { id status } }\n": typeof types.RemindConsentRequestDocument,
    "\n  mutation CompleteFollowUp($id: ID!, $note: String!) { completeFollowUp(id: $id, note: $note) { id status followUp { taskOpen taskDoneAt } } }\n": typeof types.CompleteFollowUpDocument,
    "\n  mutation CloseCase($caseReference: String!, $authorityId: ID!) { closeCase(caseReference: $caseReference, authorityId: $authorityId) { id status } }\n": typeof types.CloseCaseDocument,
    "\n  query CaseworkerName($id: ID!) { caseworker(id: $id) { id name } }\n": typeof types.CaseworkerNameDocument,
    "\n  query SealedConsentDocument($id: ID!) { consent(id: $id) { id document } }\n": typeof types.SealedConsentDocumentDocument,
    "\n  query VerifyConsentDocument($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict why } }\n": typeof types.VerifyConsentDocumentDocument,
    "\n  query AuthorityTemplatesWithChoices($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id version title { da en } choices { key kind group { da en } label { da en } required maxLength } }\n    }\n  }\n": typeof types.AuthorityTemplatesWithChoicesDocument,
    "\n  mutation RegisterConsent($input: RegisterConsentInput!) {\n    registerConsent(input: $input) { id status }\n  }\n": typeof types.RegisterConsentDocument,
    "\n  mutation UploadPaperConsent($input: UploadPaperConsentInput!) {\n    uploadPaperConsent(input: $input) { id status }\n  }\n": typeof types.UploadPaperConsentDocument,
    "\n  query AuthorityTemplates($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id key version title { da en } }\n    }\n  }\n": typeof types.AuthorityTemplatesDocument,
    "\n  query TemplatePreview($id: ID!) {\n    template(id: $id) {\n      id\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n    }\n  }\n": typeof types.TemplatePreviewDocument,
    "\n  mutation RequestConsent($input: RequestConsentInput!) {\n    requestConsent(input: $input) { id status }\n  }\n": typeof types.RequestConsentDocument,
    "\n  query ConsentStatistics($from: DateTimeISO!, $to: DateTimeISO!) {\n    consentStatistics(from: $from, to: $to) {\n      templateKey\n      title { da en }\n      requested\n      answered\n      given\n      declined\n      withdrawn\n      expired\n      medianHoursToAnswer\n      p90HoursToAnswer\n      channels { channel count }\n    }\n  }\n": typeof types.ConsentStatisticsDocument,
    "\n  fragment TemplateDetailFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n    purpose { da en }\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    defaultValidityDays\n    reminderAfterDays\n    followUpAfterDays\n    retentionDays\n    singleUse\n    boundToCase\n    signers\n    informCustodyHolders\n    readability { field lix }\n    readabilityReason\n  }\n": typeof types.TemplateDetailFieldsFragmentDoc,
    "\n  fragment TemplateSummaryFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n  }\n": typeof types.TemplateSummaryFieldsFragmentDoc,
    "\n  query AuthorityTemplateList($authorityId: ID!) {\n    drafts: templates(status: DRAFT, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    published: templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    retired: templates(status: RETIRED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n  }\n": typeof types.AuthorityTemplateListDocument,
    "\n  query TemplateDetail($id: ID!) {\n    template(id: $id) { ...TemplateDetailFields }\n  }\n": typeof types.TemplateDetailDocument,
    "\n  query PublishedOfKey($authorityId: ID!, $key: String!) {\n    templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateDetailFields }\n    consents(filter: { templateKey: $key, status: [ACTIVE, PAUSED] }, first: 1) { totalCount }\n  }\n": typeof types.PublishedOfKeyDocument,
    "\n  mutation CreateTemplate($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }\n": typeof types.CreateTemplateDocument,
    "\n  mutation UpdateTemplateDraft($id: ID!, $input: TemplateDraftInput!) { updateTemplateDraft(id: $id, input: $input) { id } }\n": typeof types.UpdateTemplateDraftDocument,
    "\n  mutation PublishTemplate($id: ID!, $readabilityReason: String) { publishTemplate(id: $id, readabilityReason: $readabilityReason) { id status publishedAt readabilityReason } }\n": typeof types.PublishTemplateDocument,
    "\n  mutation RetireTemplate($id: ID!) { retireTemplate(id: $id) { id status } }\n": typeof types.RetireTemplateDocument,
    "\n  fragment ReconsentCampaignFields on ReconsentCampaign {\n    id\n    status\n    total\n    requested\n    skipped\n    startedAt\n    finishedAt\n    answers { given declined unanswered lapsed }\n  }\n": typeof types.ReconsentCampaignFieldsFragmentDoc,
    "\n  mutation StartReconsentCampaign($templateId: ID!) { startReconsentCampaign(templateId: $templateId) { ...ReconsentCampaignFields } }\n": typeof types.StartReconsentCampaignDocument,
    "\n  query ReconsentCampaigns($templateId: ID!) { reconsentCampaigns(templateId: $templateId, first: 1) { ...ReconsentCampaignFields } }\n": typeof types.ReconsentCampaignsDocument,
};
const documents: Documents = {
    "\n  fragment AuthorityConsentRow on Consent {\n    id\n    status\n    templateKey\n    templateVersion\n    title { da en }\n    caseReference\n    channel\n    requestedAt\n    answerBy\n    validTo\n    subject { id name cprMasked }\n    stopConfirmations { caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n": types.AuthorityConsentRowFragmentDoc,
    "\n  fragment ConsentPageOfResults on ConsentConnection {\n    totalCount\n    edges { node { ...AuthorityConsentRow } }\n    pageInfo { hasNextPage endCursor }\n  }\n": types.ConsentPageOfResultsFragmentDoc,
    "\n  query FindConsents($filter: ConsentFilter, $first: Int!, $after: String, $order: ConsentOrder) {\n    consents(filter: $filter, first: $first, after: $after, order: $order) { ...ConsentPageOfResults }\n  }\n": types.FindConsentsDocument,
    "\n  query AuthorityOverview($expiresBefore: DateTimeISO!) {\n    consentStatusCounts { status count }\n    waiting: consents(filter: { status: [REQUESTED] }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    expiring: consents(filter: { expiresBefore: $expiresBefore }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    unconfirmed: consents(filter: { stopUnconfirmed: true }, first: 5) { ...ConsentPageOfResults }\n    followUps: consents(filter: { followUpOpen: true }, first: 5, order: OLDEST_FIRST) {\n      totalCount\n      edges { node { ...AuthorityConsentRow followUp { taskOpenedAt } } }\n    }\n  }\n": types.AuthorityOverviewDocument,
    "\n  query LatestConsentCursor {\n    latestConsentCursor\n  }\n": types.LatestConsentCursorDocument,
    "\n  subscription AuthorityConsentChanges($authorityId: ID, $after: String) {\n    consentStatusChanged(authorityId: $authorityId, after: $after) {\n      cursor\n      status\n      consent { ...AuthorityConsentRow }\n    }\n  }\n": types.AuthorityConsentChangesDocument,
    "\n  query CitizenByCpr($cpr: String!) {\n    citizen(cpr: $cpr) { id name cprMasked }\n  }\n": types.CitizenByCprDocument,
    "\n  query CitizenById($id: ID!) {\n    citizenById(id: $id) { id name cprMasked }\n  }\n": types.CitizenByIdDocument,
    "\n  query AuthorityConsentDetail($id: ID!) {\n    consent(id: $id) {\n      ...AuthorityConsentRow\n      singleUse\n      signers\n      remindedAt\n      message\n      answeredAt\n      validFrom\n      endedAt\n      eraseAt\n      attestation { attestedBy statement }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n      answers { key checked text }\n      givers { id name cprMasked }\n      signatures { signer { id } signedAt method contentHash }\n      attachments { id fileName mediaType size }\n      integrity { intact contentHash }\n      history { cursor action status occurredAt actorKind actorId channel reason }\n      followUp { reminderDueAt taskDueAt taskOpenedAt taskDoneAt taskOpen }\n      accessLog(first: 100) { occurredAt action actorKind authority { id name } thirdParty { id name } purpose }\n    }\n  }\n": types.AuthorityConsentDetailDocument,
    "\n  query ConsentAttachmentContent($id: ID!) {\n    consentAttachmentContent(id: $id)\n  }\n": types.ConsentAttachmentContentDocument,
    "\n  mutation WithdrawOnBehalf($id: ID!, $reason: String) { withdrawConsent(id: $id, reason: $reason) { id status } }\n": types.WithdrawOnBehalfDocument,
    "\n  mutation PauseConsent($id: ID!, $reason: String) { pauseConsent(id: $id, reason: $reason) { id status } }\n": types.PauseConsentDocument,
    "\n  mutation ResumeConsent($id: ID!, $reason: String) { resumeConsent(id: $id, reason: $reason) { id status } }\n": types.ResumeConsentDocument,
    "\n  mutation MarkConsentUsed($id: ID!) { markConsentUsed(id: $id) { id status } }\n": types.MarkConsentUsedDocument,
    "\n  mutation CancelConsentRequest($id: ID!) { cancelConsentRequest(id: $id) { id status } }\n": types.CancelConsentRequestDocument,
    "\n  mutation RemindConsentRequest($id: ID!) { remindConsentRequest(id: $id) { id status } }\n": types.RemindConsentRequestDocument,
    "\n  mutation CompleteFollowUp($id: ID!, $note: String!) { completeFollowUp(id: $id, note: $note) { id status followUp { taskOpen taskDoneAt } } }\n": types.CompleteFollowUpDocument,
    "\n  mutation CloseCase($caseReference: String!, $authorityId: ID!) { closeCase(caseReference: $caseReference, authorityId: $authorityId) { id status } }\n": types.CloseCaseDocument,
    "\n  query CaseworkerName($id: ID!) { caseworker(id: $id) { id name } }\n": types.CaseworkerNameDocument,
    "\n  query SealedConsentDocument($id: ID!) { consent(id: $id) { id document } }\n": types.SealedConsentDocumentDocument,
    "\n  query VerifyConsentDocument($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict why } }\n": types.VerifyConsentDocumentDocument,
    "\n  query AuthorityTemplatesWithChoices($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id version title { da en } choices { key kind group { da en } label { da en } required maxLength } }\n    }\n  }\n": types.AuthorityTemplatesWithChoicesDocument,
    "\n  mutation RegisterConsent($input: RegisterConsentInput!) {\n    registerConsent(input: $input) { id status }\n  }\n": types.RegisterConsentDocument,
    "\n  mutation UploadPaperConsent($input: UploadPaperConsentInput!) {\n    uploadPaperConsent(input: $input) { id status }\n  }\n": types.UploadPaperConsentDocument,
    "\n  query AuthorityTemplates($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id key version title { da en } }\n    }\n  }\n": types.AuthorityTemplatesDocument,
    "\n  query TemplatePreview($id: ID!) {\n    template(id: $id) {\n      id\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n    }\n  }\n": types.TemplatePreviewDocument,
    "\n  mutation RequestConsent($input: RequestConsentInput!) {\n    requestConsent(input: $input) { id status }\n  }\n": types.RequestConsentDocument,
    "\n  query ConsentStatistics($from: DateTimeISO!, $to: DateTimeISO!) {\n    consentStatistics(from: $from, to: $to) {\n      templateKey\n      title { da en }\n      requested\n      answered\n      given\n      declined\n      withdrawn\n      expired\n      medianHoursToAnswer\n      p90HoursToAnswer\n      channels { channel count }\n    }\n  }\n": types.ConsentStatisticsDocument,
    "\n  fragment TemplateDetailFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n    purpose { da en }\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    defaultValidityDays\n    reminderAfterDays\n    followUpAfterDays\n    retentionDays\n    singleUse\n    boundToCase\n    signers\n    informCustodyHolders\n    readability { field lix }\n    readabilityReason\n  }\n": types.TemplateDetailFieldsFragmentDoc,
    "\n  fragment TemplateSummaryFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n  }\n": types.TemplateSummaryFieldsFragmentDoc,
    "\n  query AuthorityTemplateList($authorityId: ID!) {\n    drafts: templates(status: DRAFT, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    published: templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    retired: templates(status: RETIRED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n  }\n": types.AuthorityTemplateListDocument,
    "\n  query TemplateDetail($id: ID!) {\n    template(id: $id) { ...TemplateDetailFields }\n  }\n": types.TemplateDetailDocument,
    "\n  query PublishedOfKey($authorityId: ID!, $key: String!) {\n    templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateDetailFields }\n    consents(filter: { templateKey: $key, status: [ACTIVE, PAUSED] }, first: 1) { totalCount }\n  }\n": types.PublishedOfKeyDocument,
    "\n  mutation CreateTemplate($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }\n": types.CreateTemplateDocument,
    "\n  mutation UpdateTemplateDraft($id: ID!, $input: TemplateDraftInput!) { updateTemplateDraft(id: $id, input: $input) { id } }\n": types.UpdateTemplateDraftDocument,
    "\n  mutation PublishTemplate($id: ID!, $readabilityReason: String) { publishTemplate(id: $id, readabilityReason: $readabilityReason) { id status publishedAt readabilityReason } }\n": types.PublishTemplateDocument,
    "\n  mutation RetireTemplate($id: ID!) { retireTemplate(id: $id) { id status } }\n": types.RetireTemplateDocument,
    "\n  fragment ReconsentCampaignFields on ReconsentCampaign {\n    id\n    status\n    total\n    requested\n    skipped\n    startedAt\n    finishedAt\n    answers { given declined unanswered lapsed }\n  }\n": types.ReconsentCampaignFieldsFragmentDoc,
    "\n  mutation StartReconsentCampaign($templateId: ID!) { startReconsentCampaign(templateId: $templateId) { ...ReconsentCampaignFields } }\n": types.StartReconsentCampaignDocument,
    "\n  query ReconsentCampaigns($templateId: ID!) { reconsentCampaigns(templateId: $templateId, first: 1) { ...ReconsentCampaignFields } }\n": types.ReconsentCampaignsDocument,
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
export function graphql(source: "\n  fragment AuthorityConsentRow on Consent {\n    id\n    status\n    templateKey\n    templateVersion\n    title { da en }\n    caseReference\n    channel\n    requestedAt\n    answerBy\n    validTo\n    subject { id name cprMasked }\n    stopConfirmations { caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n"): (typeof documents)["\n  fragment AuthorityConsentRow on Consent {\n    id\n    status\n    templateKey\n    templateVersion\n    title { da en }\n    caseReference\n    channel\n    requestedAt\n    answerBy\n    validTo\n    subject { id name cprMasked }\n    stopConfirmations { caseSystem { id name } thirdParty { id name } confirmedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsentPageOfResults on ConsentConnection {\n    totalCount\n    edges { node { ...AuthorityConsentRow } }\n    pageInfo { hasNextPage endCursor }\n  }\n"): (typeof documents)["\n  fragment ConsentPageOfResults on ConsentConnection {\n    totalCount\n    edges { node { ...AuthorityConsentRow } }\n    pageInfo { hasNextPage endCursor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindConsents($filter: ConsentFilter, $first: Int!, $after: String, $order: ConsentOrder) {\n    consents(filter: $filter, first: $first, after: $after, order: $order) { ...ConsentPageOfResults }\n  }\n"): (typeof documents)["\n  query FindConsents($filter: ConsentFilter, $first: Int!, $after: String, $order: ConsentOrder) {\n    consents(filter: $filter, first: $first, after: $after, order: $order) { ...ConsentPageOfResults }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorityOverview($expiresBefore: DateTimeISO!) {\n    consentStatusCounts { status count }\n    waiting: consents(filter: { status: [REQUESTED] }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    expiring: consents(filter: { expiresBefore: $expiresBefore }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    unconfirmed: consents(filter: { stopUnconfirmed: true }, first: 5) { ...ConsentPageOfResults }\n    followUps: consents(filter: { followUpOpen: true }, first: 5, order: OLDEST_FIRST) {\n      totalCount\n      edges { node { ...AuthorityConsentRow followUp { taskOpenedAt } } }\n    }\n  }\n"): (typeof documents)["\n  query AuthorityOverview($expiresBefore: DateTimeISO!) {\n    consentStatusCounts { status count }\n    waiting: consents(filter: { status: [REQUESTED] }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    expiring: consents(filter: { expiresBefore: $expiresBefore }, first: 5, order: OLDEST_FIRST) { ...ConsentPageOfResults }\n    unconfirmed: consents(filter: { stopUnconfirmed: true }, first: 5) { ...ConsentPageOfResults }\n    followUps: consents(filter: { followUpOpen: true }, first: 5, order: OLDEST_FIRST) {\n      totalCount\n      edges { node { ...AuthorityConsentRow followUp { taskOpenedAt } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestConsentCursor {\n    latestConsentCursor\n  }\n"): (typeof documents)["\n  query LatestConsentCursor {\n    latestConsentCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuthorityConsentChanges($authorityId: ID, $after: String) {\n    consentStatusChanged(authorityId: $authorityId, after: $after) {\n      cursor\n      status\n      consent { ...AuthorityConsentRow }\n    }\n  }\n"): (typeof documents)["\n  subscription AuthorityConsentChanges($authorityId: ID, $after: String) {\n    consentStatusChanged(authorityId: $authorityId, after: $after) {\n      cursor\n      status\n      consent { ...AuthorityConsentRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenByCpr($cpr: String!) {\n    citizen(cpr: $cpr) { id name cprMasked }\n  }\n"): (typeof documents)["\n  query CitizenByCpr($cpr: String!) {\n    citizen(cpr: $cpr) { id name cprMasked }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CitizenById($id: ID!) {\n    citizenById(id: $id) { id name cprMasked }\n  }\n"): (typeof documents)["\n  query CitizenById($id: ID!) {\n    citizenById(id: $id) { id name cprMasked }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorityConsentDetail($id: ID!) {\n    consent(id: $id) {\n      ...AuthorityConsentRow\n      singleUse\n      signers\n      remindedAt\n      message\n      answeredAt\n      validFrom\n      endedAt\n      eraseAt\n      attestation { attestedBy statement }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n      answers { key checked text }\n      givers { id name cprMasked }\n      signatures { signer { id } signedAt method contentHash }\n      attachments { id fileName mediaType size }\n      integrity { intact contentHash }\n      history { cursor action status occurredAt actorKind actorId channel reason }\n      followUp { reminderDueAt taskDueAt taskOpenedAt taskDoneAt taskOpen }\n      accessLog(first: 100) { occurredAt action actorKind authority { id name } thirdParty { id name } purpose }\n    }\n  }\n"): (typeof documents)["\n  query AuthorityConsentDetail($id: ID!) {\n    consent(id: $id) {\n      ...AuthorityConsentRow\n      singleUse\n      signers\n      remindedAt\n      message\n      answeredAt\n      validFrom\n      endedAt\n      eraseAt\n      attestation { attestedBy statement }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n      answers { key checked text }\n      givers { id name cprMasked }\n      signatures { signer { id } signedAt method contentHash }\n      attachments { id fileName mediaType size }\n      integrity { intact contentHash }\n      history { cursor action status occurredAt actorKind actorId channel reason }\n      followUp { reminderDueAt taskDueAt taskOpenedAt taskDoneAt taskOpen }\n      accessLog(first: 100) { occurredAt action actorKind authority { id name } thirdParty { id name } purpose }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentAttachmentContent($id: ID!) {\n    consentAttachmentContent(id: $id)\n  }\n"): (typeof documents)["\n  query ConsentAttachmentContent($id: ID!) {\n    consentAttachmentContent(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawOnBehalf($id: ID!, $reason: String) { withdrawConsent(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation WithdrawOnBehalf($id: ID!, $reason: String) { withdrawConsent(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseConsent($id: ID!, $reason: String) { pauseConsent(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation PauseConsent($id: ID!, $reason: String) { pauseConsent(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeConsent($id: ID!, $reason: String) { resumeConsent(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation ResumeConsent($id: ID!, $reason: String) { resumeConsent(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkConsentUsed($id: ID!) { markConsentUsed(id: $id) { id status } }\n"): (typeof documents)["\n  mutation MarkConsentUsed($id: ID!) { markConsentUsed(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelConsentRequest($id: ID!) { cancelConsentRequest(id: $id) { id status } }\n"): (typeof documents)["\n  mutation CancelConsentRequest($id: ID!) { cancelConsentRequest(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemindConsentRequest($id: ID!) { remindConsentRequest(id: $id) { id status } }\n"): (typeof documents)["\n  mutation RemindConsentRequest($id: ID!) { remindConsentRequest(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteFollowUp($id: ID!, $note: String!) { completeFollowUp(id: $id, note: $note) { id status followUp { taskOpen taskDoneAt } } }\n"): (typeof documents)["\n  mutation CompleteFollowUp($id: ID!, $note: String!) { completeFollowUp(id: $id, note: $note) { id status followUp { taskOpen taskDoneAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCase($caseReference: String!, $authorityId: ID!) { closeCase(caseReference: $caseReference, authorityId: $authorityId) { id status } }\n"): (typeof documents)["\n  mutation CloseCase($caseReference: String!, $authorityId: ID!) { closeCase(caseReference: $caseReference, authorityId: $authorityId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseworkerName($id: ID!) { caseworker(id: $id) { id name } }\n"): (typeof documents)["\n  query CaseworkerName($id: ID!) { caseworker(id: $id) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SealedConsentDocument($id: ID!) { consent(id: $id) { id document } }\n"): (typeof documents)["\n  query SealedConsentDocument($id: ID!) { consent(id: $id) { id document } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyConsentDocument($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict why } }\n"): (typeof documents)["\n  query VerifyConsentDocument($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict why } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorityTemplatesWithChoices($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id version title { da en } choices { key kind group { da en } label { da en } required maxLength } }\n    }\n  }\n"): (typeof documents)["\n  query AuthorityTemplatesWithChoices($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id version title { da en } choices { key kind group { da en } label { da en } required maxLength } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterConsent($input: RegisterConsentInput!) {\n    registerConsent(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation RegisterConsent($input: RegisterConsentInput!) {\n    registerConsent(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadPaperConsent($input: UploadPaperConsentInput!) {\n    uploadPaperConsent(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation UploadPaperConsent($input: UploadPaperConsentInput!) {\n    uploadPaperConsent(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorityTemplates($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id key version title { da en } }\n    }\n  }\n"): (typeof documents)["\n  query AuthorityTemplates($authorityId: ID!) {\n    authority(id: $authorityId) {\n      id\n      templates(first: 100) { id key version title { da en } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplatePreview($id: ID!) {\n    template(id: $id) {\n      id\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n    }\n  }\n"): (typeof documents)["\n  query TemplatePreview($id: ID!) {\n    template(id: $id) {\n      id\n      title { da en }\n      purpose { da en }\n      dataCovered { da en }\n      partiesCovered { da en }\n      consequencesOfYes { da en }\n      consequencesOfNo { da en }\n      howToWithdraw { da en }\n      choices { key kind group { da en } label { da en } required maxLength }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestConsent($input: RequestConsentInput!) {\n    requestConsent(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation RequestConsent($input: RequestConsentInput!) {\n    requestConsent(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentStatistics($from: DateTimeISO!, $to: DateTimeISO!) {\n    consentStatistics(from: $from, to: $to) {\n      templateKey\n      title { da en }\n      requested\n      answered\n      given\n      declined\n      withdrawn\n      expired\n      medianHoursToAnswer\n      p90HoursToAnswer\n      channels { channel count }\n    }\n  }\n"): (typeof documents)["\n  query ConsentStatistics($from: DateTimeISO!, $to: DateTimeISO!) {\n    consentStatistics(from: $from, to: $to) {\n      templateKey\n      title { da en }\n      requested\n      answered\n      given\n      declined\n      withdrawn\n      expired\n      medianHoursToAnswer\n      p90HoursToAnswer\n      channels { channel count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateDetailFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n    purpose { da en }\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    defaultValidityDays\n    reminderAfterDays\n    followUpAfterDays\n    retentionDays\n    singleUse\n    boundToCase\n    signers\n    informCustodyHolders\n    readability { field lix }\n    readabilityReason\n  }\n"): (typeof documents)["\n  fragment TemplateDetailFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n    purpose { da en }\n    dataCovered { da en }\n    partiesCovered { da en }\n    consequencesOfYes { da en }\n    consequencesOfNo { da en }\n    howToWithdraw { da en }\n    choices { key kind group { da en } label { da en } required maxLength }\n    defaultValidityDays\n    reminderAfterDays\n    followUpAfterDays\n    retentionDays\n    singleUse\n    boundToCase\n    signers\n    informCustodyHolders\n    readability { field lix }\n    readabilityReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TemplateSummaryFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n  }\n"): (typeof documents)["\n  fragment TemplateSummaryFields on ConsentTemplate {\n    id\n    key\n    version\n    status\n    publishedAt\n    title { da en }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthorityTemplateList($authorityId: ID!) {\n    drafts: templates(status: DRAFT, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    published: templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    retired: templates(status: RETIRED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n  }\n"): (typeof documents)["\n  query AuthorityTemplateList($authorityId: ID!) {\n    drafts: templates(status: DRAFT, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    published: templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n    retired: templates(status: RETIRED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TemplateDetail($id: ID!) {\n    template(id: $id) { ...TemplateDetailFields }\n  }\n"): (typeof documents)["\n  query TemplateDetail($id: ID!) {\n    template(id: $id) { ...TemplateDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedOfKey($authorityId: ID!, $key: String!) {\n    templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateDetailFields }\n    consents(filter: { templateKey: $key, status: [ACTIVE, PAUSED] }, first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query PublishedOfKey($authorityId: ID!, $key: String!) {\n    templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateDetailFields }\n    consents(filter: { templateKey: $key, status: [ACTIVE, PAUSED] }, first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTemplate($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateTemplate($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTemplateDraft($id: ID!, $input: TemplateDraftInput!) { updateTemplateDraft(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation UpdateTemplateDraft($id: ID!, $input: TemplateDraftInput!) { updateTemplateDraft(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishTemplate($id: ID!, $readabilityReason: String) { publishTemplate(id: $id, readabilityReason: $readabilityReason) { id status publishedAt readabilityReason } }\n"): (typeof documents)["\n  mutation PublishTemplate($id: ID!, $readabilityReason: String) { publishTemplate(id: $id, readabilityReason: $readabilityReason) { id status publishedAt readabilityReason } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireTemplate($id: ID!) { retireTemplate(id: $id) { id status } }\n"): (typeof documents)["\n  mutation RetireTemplate($id: ID!) { retireTemplate(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReconsentCampaignFields on ReconsentCampaign {\n    id\n    status\n    total\n    requested\n    skipped\n    startedAt\n    finishedAt\n    answers { given declined unanswered lapsed }\n  }\n"): (typeof documents)["\n  fragment ReconsentCampaignFields on ReconsentCampaign {\n    id\n    status\n    total\n    requested\n    skipped\n    startedAt\n    finishedAt\n    answers { given declined unanswered lapsed }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReconsentCampaign($templateId: ID!) { startReconsentCampaign(templateId: $templateId) { ...ReconsentCampaignFields } }\n"): (typeof documents)["\n  mutation StartReconsentCampaign($templateId: ID!) { startReconsentCampaign(templateId: $templateId) { ...ReconsentCampaignFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconsentCampaigns($templateId: ID!) { reconsentCampaigns(templateId: $templateId, first: 1) { ...ReconsentCampaignFields } }\n"): (typeof documents)["\n  query ReconsentCampaigns($templateId: ID!) { reconsentCampaigns(templateId: $templateId, first: 1) { ...ReconsentCampaignFields } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;