import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/** A citizen the person register says has died: no letter goes to them, and their consents have ended. */
@Entity({ tableName: "deceased_citizen" })
export class DeceasedCitizenEntity {
  @PrimaryKey({ type: "uuid" })
  citizenId!: string;

  @Property({ type: "datetime" })
  diedOn!: Date;
}
