import { gql, type TypedDocumentNode } from "@apollo/client";
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

export interface RequestConsentInput {
  templateId: string;
  cpr: string;
  caseReference: string | null;
}

export const REQUEST_CONSENT: TypedDocumentNode<{ requestConsent: { id: string; status: ConsentStatus } }, { input: RequestConsentInput }> = gql`
  mutation RequestConsent($input: RequestConsentInput!) {
    requestConsent(input: $input) { id status }
  }
`;
