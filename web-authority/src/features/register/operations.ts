import { graphql } from "../../gql/index.js";

export const TEMPLATES_WITH_CHOICES = graphql(`
  query AuthorityTemplatesWithChoices($authorityId: ID!) {
    authority(id: $authorityId) {
      id
      templates(first: 100) { id version title { da en } choices { key kind group { da en } label { da en } required maxLength } }
    }
  }
`);

export const REGISTER_CONSENT = graphql(`
  mutation RegisterConsent($input: RegisterConsentInput!) {
    registerConsent(input: $input) { id status }
  }
`);

export const UPLOAD_PAPER_CONSENT = graphql(`
  mutation UploadPaperConsent($input: UploadPaperConsentInput!) {
    uploadPaperConsent(input: $input) { id status }
  }
`);
