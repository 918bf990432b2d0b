import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * A caseworker or case system looked a citizen up in the person register stand-in: who, for which
 * authority, what they read, when. The citizen sees it ("Hvem har brugt mine data"). Append-only:
 * the database refuses updates and deletes.
 */
@Entity({
  tableName: "citizen_look_up",
  triggers: [
    {
      name: "append_only",
      timing: "before",
      events: ["update", "delete"],
      forEach: "statement",
      body: "raise exception 'citizen_look_up is append-only';",
    },
  ],
})
@Index({ properties: ["citizenId", "occurredAt"] })
export class CitizenLookUp {
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid" })
  citizenId!: string;

  @Property({ type: "datetime" })
  occurredAt!: Date;

  /** CASEWORKER or CASE_SYSTEM. */
  @Property({ type: "string", length: 20 })
  actorKind!: string;

  @Property({ type: "string", length: 128 })
  actorId!: string;

  @Property({ type: "uuid" })
  authorityId!: string;

  /** What was read, as the API names it: name, custodyHolders, children, attorneys, powersOfAttorney. */
  @Property({ type: "json" })
  fields!: string[];

  @Property({ type: "string", length: 128, nullable: true })
  requestId!: string | null;
}
