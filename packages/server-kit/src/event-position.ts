import { ValidationError } from "@samtykke/server-kit";

/**
 * Where an event stands in the log, and so the cursor a reader resumes from: the transaction that
 * wrote it, then its id. Writers take ids without waiting for one another, so ids alone do not
 * commit in order (11 may commit after 12); transactions below the oldest one still running
 * (`pg_snapshot_xmin`) have all finished, and a reader that reads only those, in this order, never
 * skips a late commit. Events from before positions had a transaction stand at transaction 0, in
 * id order, as they were committed under a lock.
 */
export interface EventPosition {
  readonly xid: bigint;
  readonly id: bigint;
}

export const LOG_START: EventPosition = { xid: 0n, id: 0n };

export const formatPosition = ({ xid, id }: EventPosition): string => `${xid}.${id}`;

/** Whether `a` lies after `b` in the log. */
export const isAfter = (a: EventPosition, b: EventPosition): boolean => a.xid > b.xid || (a.xid === b.xid && a.id > b.id);

const BIGINT = /^\d{1,19}$/;
const MAX = 2n ** 63n - 1n;

/**
 * A cursor as a subscriber, a webhook's replay or a stored place gives it back: "xid.id", or a bare
 * id as cursors were before (an event of the old log, at transaction 0). Anything else is refused.
 */
export function parsePosition(cursor: string, field = "after"): EventPosition {
  const parts = cursor.split(".");
  if (parts.length <= 2 && parts.every((part) => BIGINT.test(part))) {
    const [xid, id] = parts.length === 2 ? parts.map(BigInt) : [0n, BigInt(parts[0]!)];
    if (xid! <= MAX && id! <= MAX) return { xid: xid!, id: id! };
  }
  throw new ValidationError({ da: "Ugyldig markør (cursor).", en: "Invalid cursor." }, { field });
}

/** SQL for the oldest transaction still running: every one below it has committed or never will. */
export const TRANSACTION_HORIZON_SQL = "(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint";
