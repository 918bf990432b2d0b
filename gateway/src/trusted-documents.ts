import { readFile } from "node:fs/promises";
import type { CallerKind } from "@samtykke/server-kit";

/**
 * Where `npm run codegen` writes each browser app's operations, and `npm run compose` those the
 * subgraphs send through the gateway on a caller's behalf.
 */
export const TRUSTED_DOCUMENT_FILES = [
  ...["web-citizen", "web-authority"].map((app) => new URL(`../../${app}/src/gql/persisted-documents.json`, import.meta.url).pathname),
  new URL("../../schema/internal-documents.json", import.meta.url).pathname,
];

/**
 * The operations the browser apps were built with (`npm run codegen` writes each app's
 * `persisted-documents.json`: SHA-256 of the document → the document). A caller of a kind in
 * `requiredFor` may run only these, sent by hash, over HTTP and graphql-ws alike; others may also
 * send their own documents (a case system with client credentials writes its own queries).
 */
export interface TrustedDocuments {
  documents: Record<string, string>;
  requiredFor: CallerKind[];
}

/** The browser apps' users: in production they run only what the apps were built with. */
export const BROWSER_CALLERS: CallerKind[] = ["citizen", "caseworker"];

/** The documents of every file, merged by hash. */
export async function loadTrustedDocuments(files: string[], requiredFor: CallerKind[]): Promise<TrustedDocuments> {
  const documents: Record<string, string> = {};
  for (const file of files) Object.assign(documents, JSON.parse(await readFile(file, "utf8")) as Record<string, string>);
  return { documents, requiredFor };
}
