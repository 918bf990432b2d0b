import { createHmac } from "node:crypto";
import { MikroORM, defineConfig, type Options } from "@mikro-orm/postgresql";
import { Migrator } from "@mikro-orm/migrations";
import pg from "pg";
import type { Logger } from "pino";

export type { MikroORM };

/** The URL of one subgraph's own database on the server that `serverUrl` points at. */
export function subgraphDatabaseUrl(serverUrl: string, subgraph: string): string {
  const url = new URL(serverUrl);
  const base = url.pathname.replace(/^\//, "") || "samtykke";
  url.pathname = `/${base}_${subgraph}`;
  return url.toString();
}

function maintenanceClient(databaseUrl: string): pg.Client {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  return new pg.Client({ connectionString: url.toString() });
}

function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the database in the URL unless it exists. Returns whether it was created. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const name = databaseName(databaseUrl);
  const client = maintenanceClient(databaseUrl);
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (existing.rowCount) return false;
    await client.query(`create database ${quoteIdentifier(name)}`);
    return true;
  } catch (error) {
    // Two parts starting at once may race to create it; the loser finds it there (or trips on the
    // catalogue's unique index while the winner's is still being made).
    if (["42P04", "23505"].includes((error as { code?: string }).code ?? "")) return false;
    throw error;
  } finally {
    await client.end();
  }
}

/** Drops the database in the URL, ending any connection still open to it, and the role its part served as. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const client = maintenanceClient(databaseUrl);
  await client.connect();
  try {
    await client.query(`drop database if exists ${quoteIdentifier(databaseName(databaseUrl))} with (force)`);
    await client.query(`drop role if exists ${quoteIdentifier(runtimeRoleName(databaseUrl))}`);
  } finally {
    await client.end();
  }
}

export interface OpenDatabaseOptions {
  databaseUrl: string;
  entities: NonNullable<Options["entities"]>;
  /** Absolute path of the subgraph's committed migrations. */
  migrationsPath: string;
  logger: Logger;
  poolMax?: number;
}

/** The MikroORM configuration of a subgraph; the migration script uses it too. */
export function ormConfig(options: OpenDatabaseOptions) {
  return defineConfig({
    clientUrl: options.databaseUrl,
    entities: options.entities,
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 10 },
    forceUtcTimezone: true,
    // The schema is owned by migrations; discovery must not guess at it.
    ensureDatabase: false,
    migrations: {
      path: options.migrationsPath,
      glob: "!(*.d).{js,ts}",
      // Migrations are diffed against a database built from them, never against a snapshot file
      // that could be stale or rewritten at run time.
      snapshot: false,
      snapshotOnMigrate: false,
      silent: true,
    },
    debug: false,
  });
}

function runtimeRoleName(ownerUrl: string): string {
  return `${databaseName(ownerUrl).slice(0, 59)}_app`;
}

/**
 * The address a part serves from: its database as the part's own runtime role, which is no
 * superuser and owns no table, so a part taken over cannot rewrite the audit log, drop its triggers
 * or change the schema. The password is derived from the owner's credentials, so every instance
 * started with them agrees on it without storing one.
 */
export function runtimeDatabaseUrl(ownerUrl: string): string {
  const owner = new URL(ownerUrl);
  const role = runtimeRoleName(ownerUrl);
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = createHmac("sha256", `${decodeURIComponent(owner.username)}:${decodeURIComponent(owner.password)}`).update(`samtykke runtime role ${role}`).digest("hex");
  return url.toString();
}

/** Tables whose rows may never change once written: the migrations mark them with an `append_only` trigger. */
const APPEND_ONLY_TABLES = `select c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
  join pg_namespace n on n.oid = c.relnamespace where t.tgname = 'append_only' and n.nspname = 'public'`;

/**
 * The comment on a column of an append-only table that may still be erased (set to null) when its
 * retention has passed: the runtime role may update those columns alone, and the table's own
 * trigger checks that an update does nothing else.
 */
export const ERASABLE = "Erasable: personal data, set to null when its retention has passed.";
const ERASABLE_COLUMNS = `select c.relname as table, a.attname as column from pg_attribute a join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and col_description(a.attrelid, a.attnum) = '${ERASABLE}'`;
/** Any number, as long as no other advisory lock of the subgraphs uses it. */
const GRANT_LOCK = 7_245_010;
const MIGRATION_LOCK = 7_245_011;

/**
 * Makes (or brings up to date) the runtime role as the owner, after the migrations: it may read and
 * write the tables, only add to the append-only ones, and only read the migrations' own record.
 */
async function grantRuntimeRole(owner: MikroORM, ownerUrl: string): Promise<void> {
  const runtime = new URL(runtimeDatabaseUrl(ownerUrl));
  const role = quoteIdentifier(decodeURIComponent(runtime.username));
  // Hex only, so it can stand in the statement (ALTER ROLE takes no parameters).
  const password = runtime.password;
  await owner.em.fork().transactional(async (em) => {
    // Instances starting at once would otherwise update the same catalogue rows concurrently.
    await em.execute("select pg_advisory_xact_lock(?)", [GRANT_LOCK]);
    const [existing] = await em.execute<{ found: number }[]>("select count(*)::int as found from pg_roles where rolname = ?", [decodeURIComponent(runtime.username)]);
    const verb = existing!.found ? "alter" : "create";
    await em.execute(`${verb} role ${role} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password '${password}'`);
    await em.execute(`grant connect on database ${quoteIdentifier(databaseName(ownerUrl))} to ${role}`);
    await em.execute(`grant usage on schema public to ${role}`);
    await em.execute(`grant select, insert, update, delete on all tables in schema public to ${role}`);
    await em.execute(`grant usage, select on all sequences in schema public to ${role}`);
    await em.execute(`revoke insert, update, delete on mikro_orm_migrations from ${role}`);
    for (const { name } of await em.execute<{ name: string }[]>(APPEND_ONLY_TABLES)) {
      await em.execute(`revoke update, delete on ${quoteIdentifier(name)} from ${role}`);
    }
    // After the revoke, which takes back column privileges too.
    for (const { table, column } of await em.execute<{ table: string; column: string }[]>(ERASABLE_COLUMNS)) {
      await em.execute(`grant update (${quoteIdentifier(column)}) on ${quoteIdentifier(table)} to ${role}`);
    }
  });
}

/**
 * Opens a subgraph's database: creates it when missing and applies the committed migrations as the
 * owner, so every start (and every test database) runs exactly the migrations that production runs;
 * then opens it as the part's runtime role (runtimeDatabaseUrl), which is what the part serves with.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<MikroORM> {
  await ensureDatabase(options.databaseUrl);
  const owner = await MikroORM.init(ormConfig({ ...options, poolMax: 1 }));
  try {
    // Instances of a part starting at once would each apply the same migrations: one at a time, and
    // those after the first find them applied. Held by the owner's one connection, for the session.
    const connection = owner.em.getConnection();
    await connection.execute("select pg_advisory_lock(?)", [MIGRATION_LOCK]);
    const applied = await owner.migrator.up().finally(() => connection.execute("select pg_advisory_unlock(?)", [MIGRATION_LOCK]));
    if (applied.length) {
      options.logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
    }
    await grantRuntimeRole(owner, options.databaseUrl);
  } finally {
    await owner.close();
  }
  return MikroORM.init(ormConfig({ ...options, databaseUrl: runtimeDatabaseUrl(options.databaseUrl) }));
}
