import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { composeServices } from "@theguild/federation-composition";
import { parse } from "graphql";
import { SUPERGRAPH_CLIENT_DOCUMENTS } from "@samtykke/consent";
import { documentHash } from "@samtykke/server-kit";
import { subgraphs } from "./subgraphs.js";

/** Where the committed SDL files live. */
export const SCHEMA_DIR = fileURLToPath(new URL("../../../schema/", import.meta.url));

/** The addresses the committed supergraph names; the gateway overrides them per deployment. */
export const DEFAULT_SUBGRAPH_URLS: Record<string, string> = {
  party: "http://127.0.0.1:4001/graphql",
  template: "http://127.0.0.1:4002/graphql",
  consent: "http://127.0.0.1:4003/graphql",
};

export interface ComposedSchema {
  subgraphSdl: Record<string, string>;
  supergraphSdl: string;
}

/** Builds every subgraph's SDL from the code and composes them, failing with composition's own errors. */
export async function composeFromCode(): Promise<ComposedSchema> {
  const subgraphSdl: Record<string, string> = {};
  for (const subgraph of subgraphs) subgraphSdl[subgraph.name] = (await subgraph.buildSchema()).sdl;
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: DEFAULT_SUBGRAPH_URLS[subgraph.name],
      typeDefs: parse(subgraphSdl[subgraph.name]!),
    })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join("\n")}`);
  }
  return { subgraphSdl, supergraphSdl: `${result.supergraphSdl.trim()}\n` };
}

/** The supergraph as committed in schema/, which the gateway serves. */
export function readCommittedSupergraph(): Promise<string> {
  return readFile(`${SCHEMA_DIR}supergraph.graphql`, "utf8");
}

/** The operations the platform's own parts send through the gateway on a caller's behalf, by hash: trusted like the apps'. */
export function internalDocuments(): Record<string, string> {
  return Object.fromEntries(SUPERGRAPH_CLIENT_DOCUMENTS.map((text) => [documentHash(text), text]));
}

export const INTERNAL_DOCUMENTS_FILE = `${SCHEMA_DIR}internal-documents.json`;
