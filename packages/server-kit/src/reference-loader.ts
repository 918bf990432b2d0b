import type { EntityManager } from "@mikro-orm/postgresql";
import DataLoader from "dataloader";
import { rowsToRead } from "./rows-to-read.js";

const loaders = new WeakMap<object, Map<unknown, DataLoader<string, unknown>>>();

/**
 * A `__resolveReference` that loads every entity of one type the gateway asks for in one request
 * with a single query (the gateway sends a list's references together), instead of one per row.
 * `map` turns a row into what the GraphQL type resolves from. A reference is only answered, so an
 * entity without relations is read as plain rows (rowsToRead); one with relations is loaded whole.
 */
export function batchedReference<T extends { id: string }, R = T>(
  entity: new (...args: never[]) => T,
  map: (row: T) => R = (row) => row as unknown as R,
) {
  return (reference: { id: string }, context: { em: EntityManager }) => {
    let perRequest = loaders.get(context);
    if (!perRequest) loaders.set(context, (perRequest = new Map()));
    let loader = perRequest.get(entity) as DataLoader<string, R | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, R | null>(async (ids) => {
        const where = { id: { $in: [...ids] } } as never;
        const plain = !context.em.getMetadata().find(entity)?.relations.length;
        const rows = plain ? await rowsToRead(context.em, entity, where) : await context.em.find(entity, where);
        const byId = new Map(rows.map((row) => [row.id, map(row)]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      perRequest.set(entity, loader as DataLoader<string, unknown>);
    }
    return loader.load(reference.id);
  };
}
