import { readFile } from "node:fs/promises";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import { INTERNAL_DOCUMENTS_FILE, internalDocuments } from "@samtykke/platform";
import config from "../codegen.js";

// What is generated is committed, so a change shows as a diff; these fail when it was not regenerated.
describe("generated files", () => {
  it("hold the apps' operation types and persisted documents as the schema and the apps' documents make them (run `npm run codegen`)", async () => {
    const outputs = (await generate({ ...config, cwd: new URL("..", import.meta.url).pathname, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    const stale: string[] = [];
    for (const output of outputs) {
      const committed = await readFile(new URL(`../${output.filename}`, import.meta.url), "utf8").catch(() => null);
      if (committed !== output.content) stale.push(output.filename);
    }
    expect(stale).toEqual([]);
  }, 60_000);

  it("hold the operations the subgraphs send through the gateway, by hash (run `npm run compose`)", async () => {
    expect(JSON.parse(await readFile(INTERNAL_DOCUMENTS_FILE, "utf8"))).toEqual(internalDocuments());
  });
});
