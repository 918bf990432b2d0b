import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { composeFromCode, INTERNAL_DOCUMENTS_FILE, internalDocuments, SCHEMA_DIR } from "./supergraph.js";

// `npm run compose`: regenerates schema/ from the code, so that every schema change is reviewed as a diff.
const { subgraphSdl, supergraphSdl } = await composeFromCode();
for (const [name, sdl] of Object.entries(subgraphSdl)) await writeFile(`${SCHEMA_DIR}${name}.graphql`, sdl);
await writeFile(`${SCHEMA_DIR}supergraph.graphql`, supergraphSdl);
await writeFile(INTERNAL_DOCUMENTS_FILE, `${JSON.stringify(internalDocuments(), null, 2)}\n`);
console.log(`wrote ${Object.keys(subgraphSdl).map((n) => `${n}.graphql`).join(", ")}, supergraph.graphql and internal-documents.json to schema/`);
