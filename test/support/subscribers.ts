import { createClient, type Client } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";
import type { Caller } from "./platform.js";

/**
 * A subscriber as a careful client is written: it keeps the last cursor it saw and, when its stream
 * ends in an error, subscribes again after that cursor, through whichever gateway `url()` names
 * then, until one answers. It records how each socket was closed.
 */
export function resilientSubscriber(url: () => string, caller: Caller, variables: Record<string, unknown>, startAfter: string) {
  const state = { cursors: [] as string[], errors: 0, completes: 0, closeCodes: [] as number[], stopped: false };
  let client: Client | undefined;
  const follow = () => {
    if (state.stopped) return;
    client = createClient({
      url: url().replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${caller.token}` },
      on: { closed: (event) => void state.closeCodes.push((event as { code: number }).code) },
    });
    const again = () => {
      void client?.dispose();
      setTimeout(follow, 200);
    };
    client.subscribe<{ consentStatusChanged: { cursor: string } }>(
      {
        query: `subscription($after: String, $consentId: ID) { consentStatusChanged(after: $after, consentId: $consentId) { cursor } }`,
        variables: { ...variables, after: state.cursors.at(-1) ?? startAfter },
      },
      {
        next: (value) => {
          if (value.data) state.cursors.push(value.data.consentStatusChanged.cursor);
          else state.errors += 1;
        },
        error: () => {
          state.errors += 1;
          again();
        },
        // A subscription on consents never ends by itself; a complete would be a silent loss.
        complete: () => {
          state.completes += 1;
          again();
        },
      },
    );
  };
  follow();
  return {
    state,
    stop: async () => {
      state.stopped = true;
      await client?.dispose();
    },
  };
}

/** Whether the cursor `a` lies after `b` in the log (its transaction, then its id). */
export function cursorAfter(a: string, b: string): boolean {
  const [[ax, ai], [bx, bi]] = [a, b].map((cursor) => cursor.split(".").map(BigInt)) as [[bigint, bigint], [bigint, bigint]];
  return ax > bx || (ax === bx && ai > bi);
}

/** The cursors of the events after the cursor `after` that match `where`, in the log's order (its transaction, then its id). */
export async function eventCursors(database: pg.Client, where: string, parameters: unknown[], after: string): Promise<string[]> {
  const [xid, id] = after.split(".");
  const { rows } = await database.query<{ cursor: string }>(
    `select xid::text || '.' || id::text as cursor from consent_event where ${where} and (xid, id) > ($${parameters.length + 1}::bigint, $${parameters.length + 2}::bigint) order by xid, id`,
    [...parameters, xid, id],
  );
  return rows.map((row) => row.cursor);
}
