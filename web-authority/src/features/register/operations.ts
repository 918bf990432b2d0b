import { gql, type TypedDocumentNode } from "@apollo/client";
import type { Choice, ChoiceAnswer } from "@samtykke/web-kit";
import type { ConsentStatus, LocalizedText } from "../../lib/i18n.js";

export interface TemplateWithChoices {
  id: string;
  version: number;
  title: LocalizedText;
  choices: Choice[];
}

export const TEMPLATES_WITH_CHOICES: TypedDocumentNode<{ authority: { id: string; templates: TemplateWithChoices[] } }, { authorityId: string }> = gql`
  query AuthorityTemplatesWithChoices($authorityId: ID!) {
    authority(id: $authorityId) {
      id
      templates(first: 100) { id version title { da en } choices { key kind group { da en } label { da en } required maxLength } }
    }
  }
`;

interface GivenConsentInput {
  templateId: string;
  cpr: string;
  caseReference: string | null;
  statement: string;
  answers: ChoiceAnswer[];
}

type Registered = { id: string; status: ConsentStatus };

export const REGISTER_CONSENT: TypedDocumentNode<{ registerConsent: Registered }, { input: GivenConsentInput }> = gql`
  mutation RegisterConsent($input: RegisterConsentInput!) {
    registerConsent(input: $input) { id status }
  }
`;

export const UPLOAD_PAPER_CONSENT: TypedDocumentNode<
  { uploadPaperConsent: Registered },
  { input: GivenConsentInput & { scanBase64: string; fileName: string; signedAt: string; idempotencyKey: string } }
> = gql`
  mutation UploadPaperConsent($input: UploadPaperConsentInput!) {
    uploadPaperConsent(input: $input) { id status }
  }
`;
