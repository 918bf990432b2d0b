import type { EntityManager } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import { ValidationError } from "@samtykke/server-kit";
import { Channel } from "../domain/consent.js";
import { suppressSmallCells, type ShownTemplateStatistics } from "../domain/statistics.js";

interface Row {
  template_key: string;
  title: { da: string; en: string };
  requested: string;
  answered: string;
  given: string;
  declined: string;
  withdrawn: string;
  expired: string;
  median_s: number | null;
  p90_s: number | null;
  digital: string;
  on_behalf: string;
  paper: string;
  api: string;
}

// One pass over the authority's consents requested in the period, and over the anonymous counts
// left of those erased when their retention passed, grouped by template key; the title is the one
// the newest of them was asked with.
const STATISTICS_SQL = `
  with counted as (
    select template_key, body->'title' as title, requested_at, extract(epoch from answered_at - requested_at) as answer_s,
      valid_from is not null as given, status, channel
    from consent
    where authority_id = ? and requested_at >= ? and requested_at < ?
    union all
    select template_key, title, requested_at, answered_after_seconds, given, status, channel
    from anonymous_consent
    where authority_id = ? and requested_at >= ? and requested_at < ?
  )
  select template_key,
    (array_agg(title order by requested_at desc))[1] as title,
    count(*) as requested,
    count(answer_s) as answered,
    count(*) filter (where given) as given,
    count(*) filter (where status = 'DECLINED') as declined,
    count(*) filter (where status = 'WITHDRAWN') as withdrawn,
    count(*) filter (where status = 'EXPIRED') as expired,
    percentile_cont(0.5) within group (order by answer_s) filter (where answer_s is not null) as median_s,
    percentile_cont(0.9) within group (order by answer_s) filter (where answer_s is not null) as p90_s,
    count(*) filter (where channel = 'DIGITAL') as digital,
    count(*) filter (where channel = 'ON_BEHALF') as on_behalf,
    count(*) filter (where channel = 'PAPER') as paper,
    count(*) filter (where channel = 'API') as api
  from counted
  group by template_key
  order by template_key`;

const MAX_PERIOD_DAYS = 3 * 366;

/** Per template: what happened to the consents the authority requested in [from, to), small cells suppressed. */
export async function consentStatistics(em: EntityManager, authorityId: string, from: Date, to: Date): Promise<(ShownTemplateStatistics & { title: { da: string; en: string } })[]> {
  if (!(from < to)) throw new ValidationError({ da: "Perioden skal slutte efter, den begynder.", en: "The period must end after it begins." }, { field: "to" });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) {
    throw new ValidationError({ da: "Perioden må højst være tre år.", en: "The period may be at most three years." }, { field: "from" });
  }
  const rows: Row[] = await em.execute(STATISTICS_SQL, [authorityId, from, to, authorityId, from, to]);
  return rows.map((row) => ({
    title: row.title,
    ...suppressSmallCells({
      templateKey: row.template_key,
      counts: {
        requested: Number(row.requested),
        answered: Number(row.answered),
        given: Number(row.given),
        declined: Number(row.declined),
        withdrawn: Number(row.withdrawn),
        expired: Number(row.expired),
      },
      channels: { [Channel.DIGITAL]: Number(row.digital), [Channel.ON_BEHALF]: Number(row.on_behalf), [Channel.PAPER]: Number(row.paper), [Channel.API]: Number(row.api) },
      medianSecondsToAnswer: row.median_s === null ? null : Number(row.median_s),
      p90SecondsToAnswer: row.p90_s === null ? null : Number(row.p90_s),
    }),
  }));
}

const inForceLoaders = new WeakMap<object, DataLoader<string, number>>();

/**
 * How many consents are in force (active or paused) on each template version, for the public
 * register: every version a request lists is counted in one query (a partial index serves it).
 */
export function consentsInForce(ctx: { em: EntityManager }, templateId: string): Promise<number> {
  let loader = inForceLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, number>(async (ids) => {
      const rows = await ctx.em.execute<{ template_id: string; count: string }[]>(
        "select template_id, count(*) as count from consent where status in ('ACTIVE', 'PAUSED') and template_id = any(?::uuid[]) group by template_id",
        [`{${ids.join(",")}}`],
      );
      const counts = new Map(rows.map((row) => [row.template_id, Number(row.count)]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
    inForceLoaders.set(ctx, loader);
  }
  return loader.load(templateId);
}
