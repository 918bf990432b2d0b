import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { subgraphDatabaseUrl } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";
import { generateSealKey } from "@samtykke/consent";
import { restartablePort, startPart, type PartProcess } from "./support/processes.js";

// A rollout starts several instances of a part at once, and on a new database each would apply
// the same migrations: one does, the others wait for it and find them applied.
const serverUrl = uniqueDatabaseServerUrl(inject("databaseServerUrl"));
const databaseUrl = subgraphDatabaseUrl(serverUrl, "consent");
const parts: PartProcess[] = [];
afterAll(async () => {
  await Promise.all(parts.map((part) => part.kill()));
  await dropSubgraphDatabases(serverUrl, ["consent"]);
});

describe("instances starting at once", () => {
  it("two consent subgraphs on an empty database both start, and every migration is applied once", { timeout: 90_000 }, async () => {
    const sealKeys = JSON.stringify([await generateSealKey()].map(({ kid, privateJwk }) => ({ kid, ...privateJwk })));
    const start = async () => {
      const port = await restartablePort();
      const env = {
        CONSENT_DATABASE_URL: databaseUrl,
        CONSENT_PORT: String(port),
        // No gateway or token issuer is needed to start; only the database.
        GATEWAY_URL: "http://127.0.0.1:9/graphql",
        AUTH_ISSUER: "http://127.0.0.1:9",
        AUTH_AUDIENCE: "samtykke",
        AUTH_JWKS_URL: "http://127.0.0.1:9/jwks",
        CONSENT_SEAL_KEYS: sealKeys,
      };
      const part = await startPart("subgraphs/consent/src/main.ts", env, `http://127.0.0.1:${port}/readiness`);
      parts.push(part);
      return part;
    };
    const started = await Promise.allSettled([start(), start()]);
    expect(started.map((result) => (result.status === "rejected" ? String(result.reason).slice(0, 2000) : "ready"))).toEqual(["ready", "ready"]);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; times: string }>("select name, count(*) as times from mikro_orm_migrations group by name");
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.filter((row) => Number(row.times) !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
