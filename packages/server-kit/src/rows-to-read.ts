import type { EntityManager, EntityName, FilterObject, QueryOrderMap } from "@mikro-orm/postgresql";

/**
 * Rows read only to be answered or hashed: each mapped to the entity's properties as the ORM maps
 * them (dates parsed, JSON read, custom types converted), but not made into managed entities, so
 * nothing goes into the identity map and no change-tracking snapshot is taken. For a list that is
 * most of what the ORM costs (a fifth of a citizen's overview of 100 consents). What it returns is
 * a plain copy: changing it changes nothing in the database.
 */
export async function rowsToRead<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterObject<T>,
  options: { fields?: readonly string[]; orderBy?: QueryOrderMap<T>; limit?: number } = {},
): Promise<T[]> {
  const query = em.createQueryBuilder(entity).select(options.fields ? [...options.fields] as never : "*").where(where as never);
  if (options.orderBy) query.orderBy(options.orderBy as never);
  if (options.limit !== undefined) query.limit(options.limit);
  return (await query.execute("all", true)) as unknown as T[];
}
