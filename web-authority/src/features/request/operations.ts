import { graphql } from "../../gql/index.js";

export const AUTHORITY_TEMPLATES = graphql(`
  query AuthorityTemplates($authorityId: ID!) {
    authority(id: $authorityId) {
      id
      templates(first: 100) { id key version title { da en } }
    }
  }
`);

export const TEMPLATE_PREVIEW = graphql(`
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
`);

export const REQUEST_CONSENT = graphql(`
  mutation RequestConsent($input: RequestConsentInput!) {
    requestConsent(input: $input) { id status }
  }
`);
