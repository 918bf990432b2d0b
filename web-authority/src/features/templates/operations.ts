import { gql, type TypedDocumentNode } from "@apollo/client";
import type { Choice } from "@samtykke/web-kit";
import type { LocalizedText } from "../../lib/i18n.js";
import type { PreviewedTemplate } from "../../lib/TemplatePreview.js";

export type TemplateStatus = "DRAFT" | "PUBLISHED" | "RETIRED";
export type Signers = "CITIZEN" | "CUSTODY_HOLDERS";

/** The texts of a template a caseworker writes, each in Danish and English. */
export const TEXT_FIELDS = ["title", "purpose", "dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface TemplateDetail extends PreviewedTemplate {
  id: string;
  key: string;
  version: number;
  status: TemplateStatus;
  publishedAt: string | null;
  defaultValidityDays: number | null;
  singleUse: boolean;
  boundToCase: boolean;
  signers: Signers;
  choices: Choice[];
}

const TEMPLATE_FIELDS = gql`
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
    singleUse
    boundToCase
    signers
  }
`;

export interface TemplateSummary {
  id: string;
  key: string;
  version: number;
  status: TemplateStatus;
  publishedAt: string | null;
  title: LocalizedText;
}

export const AUTHORITY_TEMPLATE_LIST: TypedDocumentNode<{ drafts: TemplateSummary[]; published: TemplateSummary[]; retired: TemplateSummary[] }, { authorityId: string }> = gql`
  query AuthorityTemplateList($authorityId: ID!) {
    drafts: templates(status: DRAFT, authorityId: $authorityId, first: 100) { id key version status publishedAt title { da en } }
    published: templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { id key version status publishedAt title { da en } }
    retired: templates(status: RETIRED, authorityId: $authorityId, first: 100) { id key version status publishedAt title { da en } }
  }
`;

export const TEMPLATE_DETAIL: TypedDocumentNode<{ template: TemplateDetail }, { id: string }> = gql`
  ${TEMPLATE_FIELDS}
  query TemplateDetail($id: ID!) {
    template(id: $id) { ...TemplateDetailFields }
  }
`;

/** The published version of a key, to compare a draft with, and how many consents on the key are in force. */
export const PUBLISHED_OF_KEY: TypedDocumentNode<
  { templates: TemplateDetail[]; consents: { totalCount: number } },
  { authorityId: string; key: string }
> = gql`
  ${TEMPLATE_FIELDS}
  query PublishedOfKey($authorityId: ID!, $key: String!) {
    templates(status: PUBLISHED, authorityId: $authorityId, first: 100) { ...TemplateDetailFields }
    consents(filter: { templateKey: $key, status: [ACTIVE, PAUSED] }, first: 1) { totalCount }
  }
`;

export interface DraftInput {
  title: LocalizedText;
  purpose: LocalizedText;
  dataCovered: LocalizedText;
  partiesCovered: LocalizedText;
  consequencesOfYes: LocalizedText;
  consequencesOfNo: LocalizedText;
  howToWithdraw: LocalizedText;
  choices: { key: string; kind: Choice["kind"]; group: LocalizedText | null; label: LocalizedText; required: boolean }[];
  defaultValidityDays: number | null;
  singleUse: boolean;
  boundToCase: boolean;
  signers: Signers;
}

export const CREATE_TEMPLATE: TypedDocumentNode<{ createTemplate: { id: string } }, { input: DraftInput & { authorityId: string; key: string } }> = gql`
  mutation CreateTemplate($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }
`;

export const UPDATE_DRAFT: TypedDocumentNode<{ updateTemplateDraft: { id: string } }, { id: string; input: DraftInput }> = gql`
  mutation UpdateTemplateDraft($id: ID!, $input: TemplateDraftInput!) { updateTemplateDraft(id: $id, input: $input) { id } }
`;

export const PUBLISH: TypedDocumentNode<{ publishTemplate: { id: string; status: TemplateStatus } }, { id: string }> = gql`
  mutation PublishTemplate($id: ID!) { publishTemplate(id: $id) { id status publishedAt } }
`;

export const RETIRE: TypedDocumentNode<{ retireTemplate: { id: string; status: TemplateStatus } }, { id: string }> = gql`
  mutation RetireTemplate($id: ID!) { retireTemplate(id: $id) { id status } }
`;

export interface Campaign {
  id: string;
  status: "RUNNING" | "DONE";
  total: number;
  requested: number;
  skipped: number;
  startedAt: string;
  finishedAt: string | null;
  answers: { given: number; declined: number; unanswered: number; lapsed: number };
}

const CAMPAIGN_FIELDS = `id status total requested skipped startedAt finishedAt answers { given declined unanswered lapsed }`;

export const START_CAMPAIGN: TypedDocumentNode<{ startReconsentCampaign: Campaign }, { templateId: string }> = gql`
  mutation StartReconsentCampaign($templateId: ID!) { startReconsentCampaign(templateId: $templateId) { ${CAMPAIGN_FIELDS} } }
`;

export const CAMPAIGNS: TypedDocumentNode<{ reconsentCampaigns: Campaign[] }, { templateId: string }> = gql`
  query ReconsentCampaigns($templateId: ID!) { reconsentCampaigns(templateId: $templateId, first: 1) { ${CAMPAIGN_FIELDS} } }
`;
