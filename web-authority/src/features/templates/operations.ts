import { graphql } from "../../gql/index.js";
import type { ReconsentCampaignFieldsFragment, TemplateDetailFieldsFragment, TemplateDraftInput, TemplateSummaryFieldsFragment } from "../../gql/graphql.js";

/** The texts of a template a caseworker writes, each in Danish and English. */
export const TEXT_FIELDS = ["title", "purpose", "dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type TemplateDetail = TemplateDetailFieldsFragment;
export type TemplateSummary = TemplateSummaryFieldsFragment;
export type Campaign = ReconsentCampaignFieldsFragment;
/** What the editor sends: every text, the choices, and the rules it offers. */
export type DraftInput = Required<Pick<TemplateDraftInput, TextField | "choices" | "singleUse" | "boundToCase" | "signers" | "informCustodyHolders">> & {
  defaultValidityDays: number | null;
  reminderAfterDays: number | null;
  followUpAfterDays: number | null;
  retentionDays: number | null;
};

graphql(`
  fragment TemplateDetailFields on ConsentTemplate {
    id
    key
    version
    status
    publishedAt
    title { da en }
    purpose { da en }
    dataCovered { da en }
    partiesCovered { da en }
    consequencesOfYes { da en }
    consequencesOfNo { da en }
    howToWithdraw { da en }
    choices { key kind group { da en } label { da en } required maxLength }
    defaultValidityDays
    reminderAfterDays
    followUpAfterDays
    retentionDays
    singleUse
    boundToCase
    signers
    informCustodyHolders
    readability { field lix }
    readabilityReason
  }
`);

graphql(`
  fragment TemplateSummaryFields on ConsentTemplate {
    id
    key
    version
    status
    publishedAt
    title { da en }
  }
`);

export const AUTHORITY_TEMPLATE_LIST = graphql(`
  query AuthorityTemplateList($authorityId: ID!) {
    drafts: templates(status: DRAFT, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }
    published: templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }
    retired: templates(status: RETIRED, authorityId: $authorityId, first: 100) { ...TemplateSummaryFields }
  }
`);

export const TEMPLATE_DETAIL = graphql(`
  query TemplateDetail($id: ID!) {
    template(id: $id) { ...TemplateDetailFields }
  }
`);

/** The published version of a key, to compare a draft with, and how many consents on the key are in force. */
export const PUBLISHED_OF_KEY = graphql(`
  query PublishedOfKey($authorityId: ID!, $key: String!) {
    templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateDetailFields }
    consents(filter: { templateKey: $key, status: [ACTIVE, PAUSED] }, first: 1) { totalCount }
  }
`);

export const CREATE_TEMPLATE = graphql(`
  mutation CreateTemplate($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }
`);

export const UPDATE_DRAFT = graphql(`
  mutation UpdateTemplateDraft($id: ID!, $input: TemplateDraftInput!) { updateTemplateDraft(id: $id, input: $input) { id } }
`);

export const PUBLISH = graphql(`
  mutation PublishTemplate($id: ID!, $readabilityReason: String) { publishTemplate(id: $id, readabilityReason: $readabilityReason) { id status publishedAt readabilityReason } }
`);

export const RETIRE = graphql(`
  mutation RetireTemplate($id: ID!) { retireTemplate(id: $id) { id status } }
`);

graphql(`
  fragment ReconsentCampaignFields on ReconsentCampaign {
    id
    status
    total
    requested
    skipped
    startedAt
    finishedAt
    answers { given declined unanswered lapsed }
  }
`);

export const START_CAMPAIGN = graphql(`
  mutation StartReconsentCampaign($templateId: ID!) { startReconsentCampaign(templateId: $templateId) { ...ReconsentCampaignFields } }
`);

export const CAMPAIGNS = graphql(`
  query ReconsentCampaigns($templateId: ID!) { reconsentCampaigns(templateId: $templateId, first: 1) { ...ReconsentCampaignFields } }
`);
