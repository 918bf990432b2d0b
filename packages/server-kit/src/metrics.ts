import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { MikroORM } from "@mikro-orm/postgresql";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

export const METRICS_PATH = "/metrics";

// Operation names come from callers; past this many, new ones are counted as "other" so that a
// caller inventing names cannot grow the series without bound.
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/**
 * One part's Prometheus metrics (prom-client), each series labelled with the part: GraphQL
 * operations and their latency by operation name, errors by code, and whatever the part adds.
 */
export class PartMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly operations: Histogram<"operation">;
  private readonly errors: Counter<"operation" | "code">;

  constructor(readonly part: string) {
    this.registry.setDefaultLabels({ part });
    collectDefaultMetrics({ register: this.registry, prefix: "samtykke_" });
    this.operations = new Histogram({
      name: "samtykke_graphql_operation_duration_seconds",
      help: "GraphQL operations answered, by operation name, and how long each took",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: "samtykke_graphql_errors_total",
      help: "Errors in GraphQL answers, by operation name and extensions.code",
      labelNames: ["operation", "code"],
      registers: [this.registry],
    });
  }

  /** Counts one answered operation and the codes of its errors. */
  observeOperation(operationName: string | null | undefined, seconds: number, errorCodes: readonly string[] = []): void {
    const operation = this.operationLabel(operationName);
    this.operations.observe({ operation }, seconds);
    for (const code of errorCodes) this.errors.inc({ operation, code });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "other";
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return "other";
    this.operationNames.add(name);
    return name;
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge read when scraped; `collect` sets its values. */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], collect: (gauge: Gauge<L>) => void | Promise<void>): Gauge<L> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }

  /** The `pg` pool under the part's ORM: connections open, idle, and requests waiting for one. */
  watchDatabasePool(orm: MikroORM): void {
    this.gauge("samtykke_db_pool_connections", "Database connections of this part's pool, by state (open, idle, waiting: requests waiting for one)", ["state"], async (gauge) => {
      const pool = await orm.em.getConnection().getNativeClient();
      gauge.set({ state: "open" }, pool.totalCount);
      gauge.set({ state: "idle" }, pool.idleCount);
      gauge.set({ state: "waiting" }, pool.waitingCount);
    });
  }

  /**
   * Answers a scrape of `/metrics`. With a token set, only a scraper that sends it (Prometheus's
   * `authorization` setting) is answered; the rest get 401.
   */
  async serve(request: IncomingMessage, response: ServerResponse, token: string | undefined): Promise<void> {
    if (token && !bearerMatches(request.headers.authorization, token)) {
      response.writeHead(401, { "www-authenticate": "Bearer" }).end();
      return;
    }
    try {
      const text = await this.registry.metrics();
      response.writeHead(200, { "content-type": this.registry.contentType }).end(text);
    } catch {
      response.writeHead(503).end();
    }
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** The codes of a GraphQL answer's errors, as Prometheus labels. */
export function errorCodesOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined | null): string[] {
  return (errors ?? []).map((error) => {
    const code = error.extensions?.code;
    return typeof code === "string" && /^[A-Z_]{1,40}$/.test(code) ? code : "INTERNAL_SERVER_ERROR";
  });
}
