import { gql, type TypedDocumentNode } from "@apollo/client";
import type { Choice, ConsentTextFields } from "@samtykke/web-kit";
import type { ConsentStatus, LocalizedText } from "../../lib/i18n.js";

export interface Template {
  id: string;
  key: string;
  version: number;
  title: LocalizedText;
}

export const AUTHORITY_TEMPLATES: TypedDocumentNode<{ authority: { id: string; templates: Template[] } }, { authorityId: string }> = gql`
  query AuthorityTemplates($authorityId: ID!) {
    authority(id: $authorityId) {
      id
      templates(first: 100) { id key version title { da en } }
    }
  }
`;

/** A template as the citizen will be shown it. */
export interface TemplatePreview extends ConsentTextFields {
  id: string;
  title: LocalizedText;
  choices: Choice[];
}

export const TEMPLATE_PREVIEW: TypedDocumentNode<{ template: TemplatePreview }, { id: string }> = gql`
  query TemplatePreview($id: ID!) {
    template(id: $id) {
      id
      title { da en }
      purpose { da en }
      dataCovered { da en }
      partiesCovered { da en }
      consequencesOfYes { da en }
      consequencesOfNo { da en }
      howToWithdraw { da en }
      choices { key kind group { da en } label { da en } required maxLength }
    }
  }
`;

export interface RequestConsentInput {
  templateId: string;
  cpr: string;
  caseReference: string | null;
  answerBy: string | null;
  idempotencyKey: string;
}

export const REQUEST_CONSENT: TypedDocumentNode<{ requestConsent: { id: string; status: ConsentStatus } }, { input: RequestConsentInput }> = gql`
  mutation RequestConsent($input: RequestConsentInput!) {
    requestConsent(input: $input) { id status }
  }
`;
