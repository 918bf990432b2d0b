import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A person identified by a CPR number." })
@Directive('@key(fields: "id")')
@Entity({ tableName: "citizen" })
export class Citizen {
  [OptionalProps]?: "id" | "createdAt" | "diedOn" | "addressProtected";

  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** Keyed hash of the CPR number: how a citizen is found without storing the number in clear. */
  @Property({ type: "string", length: 64, unique: true })
  cprHash!: string;

  /** The CPR number, encrypted; shown only to those allowed to see it. */
  @Property({ type: "text" })
  cprEncrypted!: string;

  @Field(() => String)
  @Property({ type: "string" })
  name!: string;

  /** Derived from the CPR number; read back as "YYYY-MM-DD" (a date column), so the API field is a resolver. */
  @Property({ type: "date" })
  birthDate!: Date;

  /** The day of death, as the person register published it; null while alive. */
  @Property({ type: "date", nullable: true })
  diedOn?: string | null;

  /** Name and address protection (navne- og adressebeskyttelse), as the register has it. */
  @Field(() => Boolean, { description: "Name and address protection (navne- og adressebeskyttelse): no address of the citizen may be shown or sent anywhere." })
  @Property({ type: "boolean", default: false })
  addressProtected: boolean = false;

  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
