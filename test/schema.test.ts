import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { composeFromCode, SCHEMA_DIR } from "@samtykke/platform";

describe("schema/", () => {
  it("holds exactly what the code produces, and the supergraph composes (run `npm run compose` after a change)", async () => {
    const { subgraphSdl, supergraphSdl } = await composeFromCode();
    for (const [name, sdl] of Object.entries(subgraphSdl)) {
      expect(await readFile(`${SCHEMA_DIR}${name}.graphql`, "utf8"), `schema/${name}.graphql is stale`).toBe(sdl);
    }
    expect(await readFile(`${SCHEMA_DIR}supergraph.graphql`, "utf8"), "schema/supergraph.graphql is stale").toBe(supergraphSdl);
  });
});
