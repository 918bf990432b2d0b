import type { EntityManager } from "@mikro-orm/postgresql";
import { parsePosition, type PartMetrics } from "@samtykke/server-kit";

// A consumer further behind than this is reported at this: counting is bounded on every scrape.
const MAX_COUNTED = 100_000;

/** The consent subgraph's own backlogs, read when Prometheus scrapes: letters, webhooks, audit sealing. */
export function watchConsentWork(metrics: PartMetrics, em: EntityManager): void {
  metrics.gauge("samtykke_event_log_lag_events", "Committed consent events a consumer of the event log has not handled yet (mailbox: the citizen's letters; webhooks: the subscription furthest behind)", ["consumer"], async (gauge) => {
    const connection = em.fork().getConnection();
    const [cursor] = await connection.execute<{ cursor: string }[]>("select cursor from mailbox_cursor where name = 'letters'");
    if (!cursor) return;
    const { xid, id } = parsePosition(String(cursor.cursor));
    const [row] = await connection.execute<{ behind: string }[]>(
      `select count(*) as behind from (select 1 from consent_event where (xid, id) > (?, ?) limit ${MAX_COUNTED}) as pending`,
      [String(xid), String(id)],
    );
    gauge.set({ consumer: "mailbox" }, Number(row!.behind));
    // The webhook furthest behind, counting only its own authority's events (their index makes it cheap).
    const [webhooks] = await connection.execute<{ behind: string }[]>(
      `select coalesce(max(pending.behind), 0) as behind
         from webhook_subscription as subscription
         cross join lateral (
           select count(*) as behind from (
             select 1 from consent_event as event
             where event.authority_id = subscription.authority_id
               and (event.xid, event.id) > (split_part(subscription.cursor, '.', 1)::bigint, split_part(subscription.cursor, '.', 2)::bigint)
             limit ${MAX_COUNTED}) as events) as pending`,
    );
    gauge.set({ consumer: "webhooks" }, Number(webhooks!.behind));
  });
  metrics.gauge("samtykke_webhooks_failing", "Webhook subscriptions whose last delivery failed and that wait to try again", [], async (gauge) => {
    const [row] = await em.fork().getConnection().execute<{ failing: string }[]>("select count(*) as failing from webhook_subscription where failures > 0");
    gauge.set(Number(row!.failing));
  });
  metrics.gauge("samtykke_audit_unsealed_entries", "Audit entries written but not yet sealed into a batch", [], async (gauge) => {
    const [row] = await em
      .fork()
      .getConnection()
      .execute<{ waiting: string }[]>(
        `select count(*) as waiting from (select 1 from consent_audit where xid >= coalesce((select max(horizon) from consent_audit_batch), 0) limit ${MAX_COUNTED}) as unsealed`,
      );
    gauge.set(Number(row!.waiting));
  });
}
