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
    // Two parts starting at once may race to create it; the loser finds it there.
    if ((error as { code?: string }).code === "42P04") return false;
    throw error;
  } finally {
    await client.end();
  }
}

/** Drops the database in the URL, ending any connection still open to it. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const client = maintenanceClient(databaseUrl);
  await client.connect();
  try {
    await client.query(`drop database if exists ${quoteIdentifier(databaseName(databaseUrl))} with (force)`);
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

/**
 * Opens a subgraph's database: creates it when missing and applies the committed migrations, so
 * every start (and every test database) runs exactly the migrations that production runs.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<MikroORM> {
  await ensureDatabase(options.databaseUrl);
  const orm = await MikroORM.init(ormConfig(options));
  const applied = await orm.migrator.up();
  if (applied.length) {
    options.logger.info({ migrations: applied.map((m) => m.name) }, "migrations applied");
  }
  return orm;
}
