import type { EntityManager } from "@mikro-orm/postgresql";
import type { Logger } from "pino";
import { createTokenVerifier, type IdentityOptions } from "./identity.js";
import { openDatabase, type MikroORM } from "./database.js";
import type { FederatedSchema } from "./federation.js";
import { startSubgraphServer, type RunningSubgraph, type SubgraphContext } from "./subgraph-server.js";

/** What a subgraph package declares about itself; startSubgraph and the platform do the rest. */
export interface SubgraphDefinition {
  name: string;
  entities: unknown[];
  migrationsPath: string;
  buildSchema(): Promise<FederatedSchema>;
  subscriptions?: boolean;
  /** Largest request body accepted, in bytes (default 1 MB). */
  maxBodyBytes?: number;
}

export interface StartSubgraphOptions<TContext extends SubgraphContext> {
  databaseUrl: string;
  port: number;
  host?: string;
  logger: Logger;
  production?: boolean;
  /** Where tokens come from; every subgraph checks each caller's token itself. */
  identity: IdentityOptions;
  extendContext?: (base: SubgraphContext) => TContext;
  /** Plain HTTP GET routes next to `/graphql`. */
  routes?: Record<string, () => unknown>;
  /** Puts the demo data in when the database has none; returns whether it did. */
  seed?: (em: EntityManager) => Promise<boolean>;
  /** The secret the gateway signs requests with; set, only requests it signed are answered. */
  gatewaySecret?: string | null;
  /** Set, `/metrics` answers only a scraper that sends it as a bearer token. */
  metricsToken?: string;
}

export interface StartedSubgraph extends RunningSubgraph {
  orm: MikroORM;
  /** Whether this start put the demo data in (false when there was data already). */
  seeded: boolean;
}

/** Opens the subgraph's database (migrating it), seeds when asked and serves the subgraph. */
export async function startSubgraph<TContext extends SubgraphContext>(
  definition: SubgraphDefinition,
  options: StartSubgraphOptions<TContext>,
): Promise<StartedSubgraph> {
  const logger = options.logger;
  const orm = await openDatabase({
    databaseUrl: options.databaseUrl,
    entities: definition.entities as never,
    migrationsPath: definition.migrationsPath,
    logger,
  });
  try {
    const seeded = options.seed ? await options.seed(orm.em.fork()) : false;
    if (seeded) logger.info("demo data seeded");
    const { schema } = await definition.buildSchema();
    const server = await startSubgraphServer<TContext>({
      name: definition.name,
      schema,
      orm,
      logger,
      port: options.port,
      host: options.host,
      subscriptions: definition.subscriptions,
      maxBodyBytes: definition.maxBodyBytes,
      routes: options.routes,
      verifyToken: createTokenVerifier(options.identity),
      extendContext: options.extendContext,
      production: options.production,
      gatewaySecret: options.gatewaySecret,
      metricsToken: options.metricsToken,
    });
    let closing: Promise<void> | undefined;
    return {
      ...server,
      orm,
      seeded,
      // Idempotent: a part may be stopped alone and again with the whole platform.
      close: () =>
        (closing ??= (async () => {
          await server.close();
          await orm.close();
        })()),
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
