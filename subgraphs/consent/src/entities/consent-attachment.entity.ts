import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/** A file that is part of a consent, e.g. the scan of a signed paper form; its hash is in the signed content. */
@Entity({ tableName: "consent_attachment" })
@Index({ properties: ["consentId"] })
export class ConsentAttachmentEntity {
  [OptionalProps]?: "id";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  consentId!: string;

  @Property({ type: "string", length: 200 })
  fileName!: string;

  @Property({ type: "string", length: 50 })
  mediaType!: string;

  @Property({ type: "integer" })
  size!: number;

  @Property({ type: "string", length: 64 })
  sha256!: string;

  @Property({ type: "blob", lazy: true })
  content!: Buffer;

  @Property({ type: "datetime" })
  createdAt!: Date;
}
