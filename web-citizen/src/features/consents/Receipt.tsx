import type { TypedDocumentNode } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { useState } from "react";
import { ErrorAlert, saveFile } from "@samtykke/web-kit";
import { graphql } from "../../gql/index.js";
import { useLanguage } from "../../lib/i18n.js";

type Format = "document" | "fhir" | "iso27560";
// Each document asks for one of the formats; one type for all three lets a single query call fetch any.
type Receipt = TypedDocumentNode<{ consent: { id: string } & Partial<Record<Format, Record<string, unknown>>> }, { id: string }>;
const RECEIPTS: Record<Format, Receipt> = {
  document: graphql(`
    query ConsentReceiptDocument($id: ID!) {
      consent(id: $id) { id document }
    }
  `),
  fhir: graphql(`
    query ConsentReceiptFhir($id: ID!) {
      consent(id: $id) { id fhir }
    }
  `),
  iso27560: graphql(`
    query ConsentReceiptIso27560($id: ID!) {
      consent(id: $id) { id iso27560 }
    }
  `),
};
const FILE_SUFFIX: Record<Format, string> = { document: ".json", fhir: ".fhir.json", iso27560: ".iso27560.json" };

/** The citizen's receipt: the sealed consent document anyone can verify, or the same consent as FHIR or as an ISO/IEC TS 27560 receipt. */
export function Receipt({ consentId }: { consentId: string }) {
  const { t } = useLanguage();
  const client = useApolloClient();
  const [error, setError] = useState<unknown>();
  const download = async (format: Format) => {
    setError(undefined);
    try {
      // Fetched when asked for: a fresh seal, and a read on the citizen's own log.
      const { data } = await client.query({ query: RECEIPTS[format], variables: { id: consentId }, fetchPolicy: "no-cache" });
      saveFile(new Blob([JSON.stringify(data!.consent[format], null, 2)], { type: "application/json" }), `samtykke-${consentId}${FILE_SUFFIX[format]}`);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <p className="mt-3">
      <button type="button" className="function-link mr-4" onClick={() => void download("document")}>
        {t("receiptDocument")}
      </button>
      <button type="button" className="function-link mr-4" onClick={() => void download("fhir")}>
        {t("receiptFhir")}
      </button>
      <button type="button" className="function-link" onClick={() => void download("iso27560")}>
        {t("receiptIso27560")}
      </button>
      {error !== undefined && <ErrorAlert error={error} />}
    </p>
  );
}
