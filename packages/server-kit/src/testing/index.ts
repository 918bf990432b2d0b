import { randomBytes } from "node:crypto";
import { dropDatabase, subgraphDatabaseUrl } from "../database.js";

/** A fresh, uniquely named server URL; each subgraph's database gets this name plus its own suffix. */
export function uniqueDatabaseServerUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/test_${randomBytes(5).toString("hex")}`;
  return url.toString();
}

/** Drops every subgraph database made under `serverUrl` by uniqueDatabaseServerUrl. */
export async function dropSubgraphDatabases(serverUrl: string, subgraphs: readonly string[]): Promise<void> {
  await Promise.all(subgraphs.map((name) => dropDatabase(subgraphDatabaseUrl(serverUrl, name))));
}
