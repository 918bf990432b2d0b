import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, runtimeDatabaseUrl, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

// The parts serve as a role of their own that is no superuser and owns nothing: a part taken over
// (an SQL injection, a stolen pool) cannot remove audit entries, switch their triggers off or change
// the schema. Only the migrations run as the owner.
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

async function connectAs(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The SQLSTATE a statement fails with, or "ok". */
async function outcome(client: pg.Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const INSUFFICIENT_PRIVILEGE = "42501";

describe("the parts' database role", () => {
  it("is what every part serves with: no superuser, owner of nothing", async () => {
    for (const part of ["party", "template", "consent"]) {
      const ownerUrl = subgraphDatabaseUrl(platform.databaseUrl, part);
      const runtime = await connectAs(runtimeDatabaseUrl(ownerUrl));
      const owner = await connectAs(ownerUrl);
      try {
        const { rows: [me] } = await runtime.query(
          `select current_user as role, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
             (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
           from pg_roles r where r.rolname = current_user`,
        );
        expect(me).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owns: 0 });
        // The part's own connections to its database are all as that role, none as the owner.
        const { rows: connections } = await owner.query(
          "select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
        expect(connections.map((row) => row.usename)).toEqual([me.role]);
        expect(await outcome(runtime, "create table intruder (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
        expect(await outcome(runtime, "insert into mikro_orm_migrations (name, executed_at) values ('Migration29991231_intruder', now())")).toBe(INSUFFICIENT_PRIVILEGE);
      } finally {
        await runtime.end();
        await owner.end();
      }
    }
  });

  it("may add to the audit log and the look-up record but not change, remove or unprotect them", async () => {
    const odense = await platform.caseworker("odense");
    const { errors } = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.dataSharing, cpr: "2508920147", caseReference: "ROLE-1" },
    });
    expect(errors).toBeUndefined();
    await odense.graphql(`{ citizen(cpr: "2508920147") { name } }`);

    const consent = await connectAs(runtimeDatabaseUrl(subgraphDatabaseUrl(platform.databaseUrl, "consent")));
    const party = await connectAs(runtimeDatabaseUrl(subgraphDatabaseUrl(platform.databaseUrl, "party")));
    try {
      expect(Number((await consent.query("select count(*) from consent_audit")).rows[0].count)).toBeGreaterThan(0);
      for (const table of ["consent_audit", "consent_audit_batch"]) {
        expect(await outcome(consent, `delete from ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
        expect(await outcome(consent, `update ${table} set id = id`)).toBe(INSUFFICIENT_PRIVILEGE);
        expect(await outcome(consent, `truncate ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
        expect(await outcome(consent, `alter table ${table} disable trigger append_only`)).toBe(INSUFFICIENT_PRIVILEGE);
        expect(await outcome(consent, `drop table ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
      }
      expect(Number((await party.query("select count(*) from citizen_look_up")).rows[0].count)).toBeGreaterThan(0);
      expect(await outcome(party, "delete from citizen_look_up")).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await outcome(party, "alter table citizen_look_up disable trigger append_only")).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await outcome(party, "delete from life_event")).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await outcome(party, "update life_event set kind = 'DIED'")).toBe(INSUFFICIENT_PRIVILEGE);
      // What the parts do every day stays allowed: ordinary tables are read and written.
      expect(await outcome(consent, "update consent set case_reference = case_reference where false")).toBe("ok");
    } finally {
      await consent.end();
      await party.end();
    }
  });
});
