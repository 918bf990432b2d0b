import type { EntityManager } from "@mikro-orm/postgresql";
import pg from "pg";
import type { Logger } from "pino";
import type { ConsentEventBus } from "./consent-event-bus.js";

/** The channel each instance notifies on after its changes commit. */
export const COMMIT_CHANNEL = "consent_committed";

/** This instance's commits are told to the others as a NOTIFY of its own, after they commit. */
export function announceCommits(em: EntityManager, bus: ConsentEventBus): void {
  bus.announceWith(() => em.getConnection().execute(`select pg_notify('${COMMIT_CHANNEL}', '')`));
}

const RECONNECT_MS = 1_000;

/**
 * Wakes this instance's subscribers when any instance commits a change: one LISTEN connection per
 * instance. A lost connection is re-opened; meanwhile the bus's poll still finds every event.
 */
export function listenForCommits(databaseUrl: string, bus: ConsentEventBus, logger: Logger): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", () => bus.heard());
    next.on("error", (error) => {
      logger.warn({ err: error }, "commit listener lost its connection; reconnecting");
      void next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${COMMIT_CHANNEL}`);
      client = next;
      // Anything committed while no one listened is found by reading the log now.
      bus.heard();
    } catch (error) {
      logger.warn({ err: error }, "commit listener could not connect; retrying");
      await next.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    }
  };
  void connect();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
