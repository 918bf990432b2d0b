import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import type { TemplateSnapshot } from "../domain/consent.js";
import type { EventActor } from "../services/actor.js";

export enum CampaignStatus {
  RUNNING = "RUNNING",
  DONE = "DONE",
}

/**
 * Asking every holder of a consent on an older version of a template to consent again, worked
 * through in batches in the background. Its place (the last holder asked, in the order of their
 * request) is written in each batch's own transaction, so after a restart it goes on from there and
 * asks no one twice.
 */
@Entity({ tableName: "reconsent_campaign" })
@Index({ properties: ["status", "startedAt"] })
export class ReconsentCampaignEntity {
  [OptionalProps]?: "id" | "status" | "requested" | "skipped" | "cursorRequestedAt" | "cursorId" | "finishedAt";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid", index: true })
  templateId!: string;

  @Property({ type: "uuid" })
  authorityId!: string;

  /** The version asked with, as it was when the campaign started. */
  @Property({ type: "json" })
  template!: TemplateSnapshot;

  /** The caseworker who started it, written on every request it makes. */
  @Property({ type: "json" })
  startedBy!: EventActor;

  @Property({ type: "string", length: 10 })
  status: CampaignStatus = CampaignStatus.RUNNING;

  /** Holders when it started. */
  @Property({ type: "integer" })
  total!: number;

  @Property({ type: "integer" })
  requested: number = 0;

  /** Holders left alone: same text, already asked, or no case for a version bound to one. */
  @Property({ type: "integer" })
  skipped: number = 0;

  @Property({ type: "datetime", nullable: true })
  cursorRequestedAt?: Date | null;

  @Property({ type: "uuid", nullable: true })
  cursorId?: string | null;

  @Property({ type: "datetime" })
  startedAt!: Date;

  @Property({ type: "datetime", nullable: true })
  finishedAt?: Date | null;
}
