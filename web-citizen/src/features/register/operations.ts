import { graphql } from "../../gql/index.js";
import type { RegisterTemplateVersionsQuery } from "../../gql/graphql.js";

/** One version of a template as the public register shows it. */
export type RegisterVersion = RegisterTemplateVersionsQuery["templateVersions"][number];

// Anyone may read these, signed in or not: what authorities ask consent for, and how many hold one.
export const PUBLIC_REGISTER = graphql(`
  query PublicRegister {
    templates(first: 100) { id key version publishedAt title { da en } consentsInForce authority { id name } }
  }
`);

export const REGISTER_TEMPLATE_VERSIONS = graphql(`
  query RegisterTemplateVersions($key: String!) {
    templateVersions(key: $key) {
      id
      key
      version
      status
      publishedAt
      kind
      defaultValidityDays
      retentionDays
      consentsInForce
      authority { id name }
      thirdParty { id name }
      title { da en }
      purpose { da en }
      dataCovered { da en }
      partiesCovered { da en }
      consequencesOfYes { da en }
      consequencesOfNo { da en }
      howToWithdraw { da en }
      choices { key label { da en } }
    }
  }
`);

/** The texts a version's diff compares, in the order a citizen reads them. */
export const REGISTER_TEXT_FIELDS = ["title", "purpose", "dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"] as const;
