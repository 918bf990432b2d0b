import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// Every read and write of a consent goes on an append-only log, sealed in hashed batches; the citizen sees who
// used their consents, and `npm run audit:verify` finds any entry changed afterwards.
const run = promisify(execFile);
const OLE = "1710681239";

let platform: TestPlatform;
let skat: Caller;
let consentDatabase: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  skat = await platform.caseworker("skattestyrelsen");
  consentDatabase = subgraphDatabaseUrl(platform.databaseUrl, "consent");
});
afterAll(async () => {
  await platform?.stop();
});

/** Every entry in the order written (by id as a number: "10" comes after "9"). */
async function auditRows(): Promise<{ id: string; action: string; actor_kind: string; actor_authority_id: string | null; consent_id: string | null; purpose: string | null }[]> {
  const client = new pg.Client({ connectionString: consentDatabase });
  await client.connect();
  try {
    return (await client.query("select a.id::text as id, action, actor_kind, actor_authority_id, consent_id, purpose from consent_audit a order by a.id")).rows;
  } finally {
    await client.end();
  }
}

async function verify(): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run("npx", ["tsx", "subgraphs/consent/src/verify-audit.ts"], { env: { ...process.env, CONSENT_DATABASE_URL: consentDatabase } });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("the audit log", () => {
  it("records each read, search, check and change of a consent with who, for which authority and why", async () => {
    const requested = await skat.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.seafarerTax, cpr: OLE, caseReference: "SKAT-77" },
    });
    const id = requested.data.requestConsent.id;
    const ole = await platform.citizen(OLE);
    await giveWithYesToAll(ole, id);
    const before = (await auditRows()).length;

    await skat.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id });
    await skat.graphql(`query($cpr: String!) { consents(filter: { cpr: $cpr }) { edges { node { id } } } }`, { cpr: OLE });
    const system = await platform.caseSystem("skattestyrelsen");
    await system.graphql(`query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "soefarende-skattedata-tredjepart") { valid } }`, { cpr: OLE });
    // A refused read is no read: nothing is shown, nothing recorded.
    await (await platform.caseworker("odense")).graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id });

    const rows = (await auditRows()).slice(before);
    expect(rows.map(({ action, actor_kind, consent_id, purpose }) => ({ action, actor_kind, consent_id, purpose }))).toEqual([
      { action: "read", actor_kind: "CASEWORKER", consent_id: id, purpose: "SKAT-77" },
      { action: "search", actor_kind: "CASEWORKER", consent_id: null, purpose: null },
      { action: "check", actor_kind: "CASE_SYSTEM", consent_id: id, purpose: "soefarende-skattedata-tredjepart" },
    ]);
    expect(rows.every((row) => row.actor_authority_id === DEMO.authorities.skattestyrelsen)).toBe(true);

    const all = await auditRows();
    // The citizen read the request before answering it.
    expect(all.filter((row) => row.consent_id === id).slice(0, 3).map((row) => [row.action, row.actor_kind])).toEqual([
      ["request", "CASEWORKER"],
      ["read", "CITIZEN"],
      ["give", "CITIZEN"],
    ]);
  });

  it("records a list of the authority's consents as one search, in no citizen's access log", async () => {
    // Three citizens asked by Odense; the caseworker then opens the app's list of the authority's consents.
    const odense = await platform.caseworker("odense");
    const asked = ["0101804321", "1203755678", "2508920147"];
    for (const cpr of asked) {
      const result = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr } });
      expect(result.errors).toBeUndefined();
    }
    const logOf = async (cpr: string) => (await (await platform.citizen(cpr)).graphql(`{ myConsentAccessLog(first: 100) { action } }`)).data.myConsentAccessLog as { action: string }[];
    const before = await Promise.all(asked.map(logOf));
    const rowsBefore = (await auditRows()).length;

    const list = await odense.graphql(`query($id: ID!) { authority(id: $id) { consents(first: 100) { id } } }`, { id: DEMO.authorities.odense });
    expect(list.data.authority.consents.length).toBeGreaterThanOrEqual(3);
    const written = (await auditRows()).slice(rowsBefore);
    expect(written.map(({ action, actor_kind, consent_id }) => ({ action, actor_kind, consent_id }))).toEqual([{ action: "search", actor_kind: "CASEWORKER", consent_id: null }]);
    expect(await Promise.all(asked.map(logOf))).toEqual(before);

    // A search for one citizen is on record once, and that citizen sees it.
    await odense.graphql(`query($cpr: String!) { consents(filter: { cpr: $cpr }) { edges { node { id } } } }`, { cpr: asked[0] });
    expect((await logOf(asked[0]!))[0]).toEqual({ action: "search" });
    expect(await logOf(asked[1]!)).toEqual(before[1]);
  });

  it("shows the citizen who else used their consents, or one of them, in plain terms, and not their own reads", async () => {
    const ole = await platform.citizen(OLE);
    await ole.graphql(`{ myConsents { id } }`);
    const log = await ole.graphql(`{ myConsentAccessLog(first: 20) { action actorKind authority { name } consent { title { da } } purpose occurredAt } }`);
    expect(log.errors).toBeUndefined();
    const entries = log.data.myConsentAccessLog;
    expect(entries[0]).toMatchObject({ action: "check", actorKind: "CASE_SYSTEM", authority: { name: "Skattestyrelsen" } });
    expect(entries).toContainEqual(expect.objectContaining({ action: "read", actorKind: "CASEWORKER", authority: { name: "Skattestyrelsen" }, purpose: "SKAT-77" }));
    expect(entries.some((entry: { actorKind: string }) => entry.actorKind === "CITIZEN")).toBe(false);
    expect((await skat.graphql(`{ myConsentAccessLog { action } }`)).errors![0]!.extensions!.code).toBe("FORBIDDEN");

    // Who used one consent, as its page shows: that consent's entries only, and only to whom it concerns.
    const other = (await skat.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.seafarerTax, cpr: OLE } })).data.requestConsent.id;
    const BY_CONSENT = `query($consentId: ID) { myConsentAccessLog(first: 100, consentId: $consentId) { action consent { id } } }`;
    const aboutOther = (await ole.graphql(BY_CONSENT, { consentId: other })).data.myConsentAccessLog;
    expect(aboutOther).toEqual([{ action: "request", consent: { id: other } }]);
    const all = (await ole.graphql(BY_CONSENT, {})).data.myConsentAccessLog as { consent: { id: string } | null }[];
    expect(all.filter((entry) => entry.consent?.id !== other).length).toBeGreaterThan(0);
    expect((await ole.graphql(BY_CONSENT, { consentId: "6b3f1f8e-6f53-4c1e-9d44-3b1c1b1b1b1b" })).data.myConsentAccessLog).toEqual([]);
    expect((await ole.graphql(BY_CONSENT, { consentId: "not-a-consent" })).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect((await (await platform.citizen("2508920147")).graphql(BY_CONSENT, { consentId: other })).data.myConsentAccessLog).toEqual([]);
  });

  it("pages the citizen's access log by cursor both ways, and refuses a cursor that is none", async () => {
    const ole = await platform.citizen(OLE);
    const PAGE = `query($first: Int!, $after: String, $before: String) { myConsentAccessLog(first: $first, after: $after, before: $before) { cursor action occurredAt } }`;
    const page = async (variables: Record<string, unknown>) => {
      const result = await ole.graphql(PAGE, variables);
      expect(result.errors).toBeUndefined();
      return result.data.myConsentAccessLog as { cursor: string }[];
    };
    const all = await page({ first: 6 });
    expect(all.length).toBeGreaterThanOrEqual(4);
    const [first, second] = [await page({ first: 2 }), await page({ first: 2, after: all[1]!.cursor })];
    expect([...first, ...second].map((entry) => entry.cursor)).toEqual(all.slice(0, 4).map((entry) => entry.cursor));
    // Newer than the fourth: the two nearest it, still newest first.
    expect((await page({ first: 2, before: all[3]!.cursor })).map((entry) => entry.cursor)).toEqual([all[1]!.cursor, all[2]!.cursor]);
    expect(await page({ first: 2, before: all[0]!.cursor })).toEqual([]);

    for (const variables of [{ first: 2, after: "not-a-cursor" }, { first: 2, before: "1.2" }, { first: 2, after: all[1]!.cursor, before: all[3]!.cursor }]) {
      const refused = await ole.graphql(PAGE, variables);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
      expect(refused.errors![0]!.extensions!.message).toMatchObject({ da: expect.any(String), en: expect.any(String) });
    }
  });

  it("refuses to change or delete an entry or a sealed batch, and the verifier finds an entry changed or removed behind its back", { timeout: 90_000 }, async () => {
    // Entries are sealed in batches shortly after they are written, by one sealer, without a lock on any request.
    let intact = await verify();
    // Each verify is a process of its own (seconds on a busy machine): allow a few.
    await expect.poll(async () => (intact = await verify()).output, { timeout: 30_000 }).toMatch(/; 0 newer entries waiting to be sealed/);
    expect(intact.code).toBe(0);
    expect(intact.output).toMatch(/audit log intact: \d+ entries in \d+ sealed batches \(0 with their personal part erased as their retention passed\), last head [0-9a-f]{64}/);

    const client = new pg.Client({ connectionString: consentDatabase });
    await client.connect();
    try {
      for (const table of ["consent_audit", "consent_audit_batch"]) {
        await expect(client.query(`update ${table} set size = 0`.replace("size", table === "consent_audit" ? "purpose" : "size"))).rejects.toThrow(/append-only/);
        await expect(client.query(`delete from ${table}`)).rejects.toThrow(/append-only/);
        await expect(client.query(`truncate ${table}`)).rejects.toThrow(/append-only/);
      }
      // Someone with the database owner's rights can still get past the trigger; the seal shows it.
      const [{ id }] = (await client.query("select min(id)::text as id from consent_audit where action = 'read'")).rows;
      await client.query("alter table consent_audit disable trigger user");
      await client.query("update consent_audit set actor_id = null where id = $1", [id]);
      const changed = await verify();
      expect(changed.code).toBe(1);
      expect(changed.output).toContain(`audit log BROKEN at entry ${id}`);

      // The same entry removed instead: the one after it no longer fits its place in the batch.
      await client.query("delete from consent_audit where id = $1", [id]);
      await client.query("alter table consent_audit enable trigger user");
      const removed = await verify();
      expect(removed.code).toBe(1);
      // Named by the entry after it, or by its place in its batch when it was the batch's last.
      expect(removed.output).toMatch(/audit log BROKEN at (entry \d+|batch \d+, entry \d+ of \d+)/);
    } finally {
      await client.end();
    }
  });
});
