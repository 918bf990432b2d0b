import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";

/**
 * The types of every operation the two apps send, generated from the composed schema
 * (`npm run codegen`), and each app's operations as persisted documents: in production the gateway
 * runs a browser app's operation only by its hash (`persisted-documents.json`).
 */
const app = (dir: string): CodegenConfig["generates"] => ({
  [`${dir}/src/gql/`]: {
    preset: "client",
    documents: [`${dir}/src/**/*.{ts,tsx}`, `!${dir}/src/gql/**`],
    presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
    // Apollo's cache asks for __typename on every object; the stored documents must ask for it too,
    // as the gateway runs the stored text, not what the client would have sent.
    documentTransforms: [addTypenameSelectionDocumentTransform],
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      skipTypename: true,
      scalars: { DateTimeISO: "string", JSONObject: "Record<string, unknown>" },
    },
  },
});

const config: CodegenConfig = {
  schema: "schema/supergraph.graphql",
  generates: { ...app("web-authority"), ...app("web-citizen") },
  ignoreNoDocuments: true,
};

export default config;
