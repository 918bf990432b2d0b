import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { Citizen } from "./citizen.entity.js";

/** Custody of a child, as the person register records it; it lapses by itself when the child turns 18. */
@Entity({ tableName: "custody" })
@Unique({ properties: ["holder", "child"] })
@Index({ properties: ["child"] })
export class Custody {
  [OptionalProps]?: "id";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Citizen })
  holder!: Citizen;

  @ManyToOne({ entity: () => Citizen })
  child!: Citizen;
}

/** A citizen lets another person act for them, towards some authorities or all, for a time. */
@Entity({ tableName: "power_of_attorney" })
@Index({ properties: ["attorney"] })
@Index({ properties: ["grantor"] })
export class PowerOfAttorney {
  [OptionalProps]?: "id" | "revokedAt" | "authorityIds" | "basis" | "registerEventId";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Citizen })
  grantor!: Citizen;

  @ManyToOne({ entity: () => Citizen })
  attorney!: Citizen;

  /** The authorities it covers; empty covers all. */
  @Property({ type: "json" })
  authorityIds: string[] = [];

  @Property({ type: "datetime" })
  validFrom!: Date;

  @Property({ type: "datetime", nullable: true })
  validTo?: Date | null;

  @Property({ type: "datetime", nullable: true })
  revokedAt?: Date | null;

  /**
   * GRANTED by the citizen, or GUARDIANSHIP: a guardian the register says was appointed for the
   * citizen's personal matters, who acts for them as an attorney towards every authority.
   */
  @Property({ type: "string", length: 20, default: "GRANTED" })
  basis: "GRANTED" | "GUARDIANSHIP" = "GRANTED";

  /** For a guardianship: the register's event that appointed the guardian. */
  @Property({ type: "string", length: 100, nullable: true })
  registerEventId?: string | null;
}
