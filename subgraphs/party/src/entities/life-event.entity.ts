import { BigIntType, OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import type { GuardianshipScope, LifeEventKind } from "../domain/life-events.js";

/**
 * An event the person register published about a citizen (a death, a custody, a guardian, a
 * protection), as received: once per register id, however often it is sent. The other parts read
 * them in order by their transaction and id, as the consent subgraph reads its own events, so that
 * a late commit is never skipped. Append-only: the database refuses updates and deletes.
 */
@Entity({
  tableName: "life_event",
  triggers: [
    {
      name: "append_only",
      timing: "before",
      events: ["update", "delete"],
      forEach: "statement",
      body: "raise exception 'life_event is append-only';",
    },
  ],
})
@Index({ properties: ["xid", "id"] })
export class LifeEvent {
  [OptionalProps]?: "id" | "xid" | "otherCitizenId";

  // Read as a string: positions outgrow what a JavaScript number holds exactly.
  @PrimaryKey({ type: new BigIntType("string"), autoincrement: true })
  id!: string;

  /** The writing transaction, taken by the database; below the oldest running one, the feed is final. */
  @Property({ type: new BigIntType("string"), defaultRaw: "((pg_current_xact_id())::text)::bigint" })
  xid!: string;

  @Property({ type: "string", length: 100, unique: true })
  registerEventId!: string;

  @Property({ type: "string", length: 30 })
  kind!: LifeEventKind;

  @Property({ type: "uuid" })
  citizenId!: string;

  /** The custody holder or guardian the event names. */
  @Property({ type: "uuid", nullable: true })
  otherCitizenId?: string | null;

  @Property({ type: "datetime" })
  occurredOn!: Date;

  @Property({ type: "json" })
  guardianshipScope!: GuardianshipScope[];

  @Property({ type: "datetime" })
  receivedAt!: Date;
}
