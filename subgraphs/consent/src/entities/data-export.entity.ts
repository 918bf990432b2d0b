import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * A citizen's copy of everything the platform holds about them (or about a child in their custody):
 * asked for, built in the background, kept for download. One archive per request.
 */
@Entity({ tableName: "data_export" })
@Index({ properties: ["requestedById", "createdAt"] })
// Erased a week after it was asked for (services/retention.ts).
@Index({ properties: ["createdAt"] })
@Index({ name: "data_export_waiting_index", expression: "create index data_export_waiting_index on data_export (created_at) where status in ('QUEUED', 'BUILDING')" })
export class DataExportEntity {
  [OptionalProps]?: "id" | "status" | "done" | "total" | "readyAt" | "archive" | "sha256" | "size" | "consentIds" | "claimedAt";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** The signed-in citizen who asked, and who alone may fetch it. */
  @Property({ type: "uuid" })
  requestedById!: string;

  /** Whose data: the citizen themselves, or a child in their custody. */
  @Property({ type: "uuid" })
  subjectId!: string;

  /** QUEUED, BUILDING, READY or FAILED. */
  @Property({ type: "string", length: 20, default: "QUEUED" })
  status: string = "QUEUED";

  @Property({ type: "integer", default: 0 })
  done: number = 0;

  @Property({ type: "integer", default: 0 })
  total: number = 0;

  @Property({ type: "datetime" })
  createdAt!: Date;

  /** When an instance took it to build; one taken long ago by an instance that died is taken again. */
  @Property({ type: "datetime", nullable: true })
  claimedAt?: Date | null;

  @Property({ type: "datetime", nullable: true })
  readyAt?: Date | null;

  /** The consents in the archive, so fetching it is on their access log. */
  @Property({ type: "json", default: "[]" })
  consentIds: string[] = [];

  @Property({ type: "blob", nullable: true, lazy: true })
  archive?: Buffer | null;

  @Property({ type: "string", length: 64, nullable: true })
  sha256?: string | null;

  @Property({ type: "integer", nullable: true })
  size?: number | null;
}
