import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSealKey, type SealKey } from "@samtykke/consent";
import { DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

// The audit log's head, signed and kept outside the database: removing its newest batches, which
// leaves a shorter chain that verifies on its own, shows against the latest anchor.
const run = promisify(execFile);
let platform: TestPlatform;
let key: SealKey;
let directory: string;
let anchorFile: string;
let consentDatabase: string;

beforeAll(async () => {
  key = await generateSealKey();
  directory = await mkdtemp(join(tmpdir(), "samtykke-anchors-"));
  anchorFile = join(directory, "audit-anchors.jsonl");
  platform = await startTestPlatform({ sealKeys: [key], auditAnchor: { file: anchorFile, intervalMs: 300 } });
  consentDatabase = subgraphDatabaseUrl(platform.databaseUrl, "consent");
});
afterAll(async () => {
  await platform?.stop();
  await rm(directory, { recursive: true, force: true });
});

async function verify(): Promise<{ code: number; output: string }> {
  const env = { ...process.env, CONSENT_DATABASE_URL: consentDatabase, AUDIT_ANCHOR_FILE: anchorFile, CONSENT_SEAL_KEYS: JSON.stringify([{ kid: key.kid, ...key.privateJwk }]) };
  try {
    const { stdout } = await run("npx", ["tsx", "subgraphs/consent/src/verify-audit.ts"], { env });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const anchors = async () => (await readFile(anchorFile, "utf8").catch(() => "")).trim().split("\n").filter(Boolean);

describe("audit anchors", () => {
  it("anchors the sealed head outside the database, and finds the newest batches removed behind its back", { timeout: 90_000 }, async () => {
    const skat = await platform.caseworker("skattestyrelsen");
    const ask = () => skat.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" } });
    expect((await ask()).errors).toBeUndefined();
    // The consent subgraph anchors the newest sealed batch on its own, every 300 ms here.
    await expect.poll(async () => (await anchors()).length, { timeout: 10_000 }).toBeGreaterThan(0);

    // More happens, is sealed and anchored; the verifier finds the log reaching its latest anchor, and anchors too.
    expect((await ask()).errors).toBeUndefined();
    let intact = await verify();
    await expect.poll(async () => (intact = await verify()).output, { timeout: 30_000 }).toMatch(/; 0 newer entries waiting to be sealed/);
    expect(intact.code).toBe(0);
    expect(intact.output).toMatch(/reaches the latest anchor \(batch \d+/);

    // Someone with the owner's rights removes the newest batch and the entries it sealed: what is
    // left is a shorter chain, intact on its own.
    const client = new pg.Client({ connectionString: consentDatabase });
    await client.connect();
    try {
      await client.query("alter table consent_audit disable trigger append_only");
      await client.query("alter table consent_audit_batch disable trigger append_only");
      const [newest] = (await client.query("select id::text as id, previous_horizon::text as since from consent_audit_batch order by id desc limit 1")).rows;
      await client.query("delete from consent_audit where xid >= $1", [newest.since]);
      await client.query("delete from consent_audit_batch where id = $1", [newest.id]);
      await client.query("alter table consent_audit enable trigger append_only");
      await client.query("alter table consent_audit_batch enable trigger append_only");
    } finally {
      await client.end();
    }
    const shortened = await verify();
    expect(shortened.code).toBe(1);
    expect(shortened.output).toMatch(/audit log BROKEN at batch \d+ .*the log ends before the latest anchor/);
  });
});
