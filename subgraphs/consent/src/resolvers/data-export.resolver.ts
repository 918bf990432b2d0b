import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { dataExportOf, exportArchive, requestDataExport } from "../services/data-export.js";
import type { DataExportEntity } from "../entities/data-export.entity.js";
import type { ConsentContext } from "../context.js";
import { Citizen } from "./consent.type.js";

@ObjectType({ description: "A citizen's copy of everything the platform holds about them or a child in their custody: built in the background, then fetched as one ZIP archive." })
export class DataExport {
  @Field(() => ID)
  id!: string;

  @Field(() => Citizen, { description: "Whose data: the citizen, or a child in their custody." })
  subject!: Citizen;

  @Field(() => String, { description: "QUEUED, BUILDING, READY or FAILED." })
  status!: string;

  @Field(() => Int, { description: "Consents and letters put in so far." })
  done!: number;

  @Field(() => Int, { description: "Consents and letters to put in; 0 until counted." })
  total!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The archive's size in bytes, once ready." })
  size!: number | null;

  @Field(() => String, { nullable: true, description: "SHA-256 (hex) of the archive, once ready." })
  sha256!: string | null;
}

const toExport = (row: DataExportEntity): DataExport => ({
  id: row.id,
  subject: { id: row.subjectId },
  status: row.status,
  done: row.done,
  total: row.total,
  createdAt: row.createdAt,
  readyAt: row.readyAt ?? null,
  size: row.size ?? null,
  sha256: row.sha256 ?? null,
});

/** The citizen's copy of everything (GDPR art. 15 and 20), for the citizen alone. */
@Resolver(() => DataExport)
export class DataExportResolver {
  @Mutation(() => DataExport, {
    description: "Ask for a copy of everything about you (or, with citizenId, a child in your custody): each consent with its texts, answers, history and seal, your letters and the access log. Built in the background; follow it with myDataExport.",
  })
  async requestMyDataExport(@Arg("citizenId", () => ID, { nullable: true }) citizenId: string | null, @Ctx() ctx: ConsentContext): Promise<DataExport> {
    return toExport(await requestDataExport(ctx, citizenId));
  }

  @Query(() => DataExport, { description: "One of your own copies, and how far it has come." })
  async myDataExport(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<DataExport> {
    return toExport(await dataExportOf(ctx, id));
  }

  @FieldResolver(() => String, { description: "The ZIP archive (base64), once READY; CONFLICT before. Fetching it is on the access log of every consent in it." })
  async archiveBase64(@Root() dataExport: DataExport, @Ctx() ctx: ConsentContext): Promise<string> {
    return (await exportArchive(ctx, dataExport.id)).toString("base64");
  }
}
