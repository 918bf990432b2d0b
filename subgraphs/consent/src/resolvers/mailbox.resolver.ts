import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from "type-graphql";
import { pageSize, requireCaller } from "@samtykke/server-kit";
import type { ConsentContext } from "../context.js";
import { relationTo } from "../domain/access.js";
import { LetterKind } from "../domain/letter.js";
import type { MailboxLetterEntity } from "../entities/mailbox-letter.entity.js";
import { auditReads } from "../services/audit.js";
import { letterCursor, letterOfCitizen, lettersOf, markLetterRead } from "../services/mailbox.js";
import { toConsent } from "./consent.mapper.js";
import { Consent, LocalizedText } from "./consent.type.js";

registerEnumType(LetterKind, { name: "LetterKind", description: "A request for consent, or a receipt when a consent is given, withdrawn or expires." });

@ObjectType({ description: "A letter in the citizen's mailbox (Digital Post): a request for consent or a receipt, with the whole consent as a PDF." })
export class MailboxLetter {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The letter's place in the mailbox, for `myMailbox(after:)` and `myMailbox(before:)`." })
  cursor!: string;

  @Field(() => LetterKind)
  kind!: LetterKind;

  @Field(() => LocalizedText)
  title!: LocalizedText;

  @Field(() => Date)
  sentAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the citizen first opened it; null while unread." })
  readAt!: Date | null;

  @Field(() => String, { description: "SHA-256 (hex) of the PDF." })
  pdfSha256!: string;

  consentId!: string;
}

function toLetter(row: MailboxLetterEntity): MailboxLetter {
  return { id: row.id, cursor: letterCursor(row), kind: row.kind, title: row.title, sentAt: row.sentAt, readAt: row.readAt ?? null, pdfSha256: row.pdfSha256, consentId: row.consentId };
}

@Resolver(() => MailboxLetter)
export class MailboxResolver {
  @Query(() => [MailboxLetter], { description: "The signed-in citizen's letters about consents, newest first, a page at a time." })
  async myMailbox(
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
    @Arg("after", () => String, { nullable: true, description: "The letters older than this cursor." }) after?: string | null,
    @Arg("before", () => String, { nullable: true, description: "The letters newer than this cursor, the nearest `first` of them (still newest first)." }) before?: string | null,
    @Arg("consentId", () => ID, { nullable: true, description: "Only the letters about this consent." }) consentId?: string | null,
  ): Promise<MailboxLetter[]> {
    requireCaller(ctx.caller, "citizen");
    const representation = (await ctx.representation())!;
    return (await lettersOf(ctx.em, representation.citizenId, pageSize(first), { after, before }, consentId)).map(toLetter);
  }

  @Query(() => MailboxLetter, { description: "One of the signed-in citizen's letters; anyone else's is NOT_FOUND." })
  async mailboxLetter(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<MailboxLetter> {
    return toLetter((await letterOfCitizen(ctx, id)).row);
  }

  @Mutation(() => MailboxLetter, { description: "Marks one of the signed-in citizen's letters as read." })
  async markLetterRead(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<MailboxLetter> {
    return toLetter(await markLetterRead(ctx, id));
  }

  @FieldResolver(() => String, { description: "The letter as a PDF (base64): Danish, then English; the full consent text and every choice with its answer." })
  async pdfBase64(@Root() letter: MailboxLetter, @Ctx() ctx: ConsentContext): Promise<string> {
    const { row, consent } = await letterOfCitizen(ctx, letter.id, { withPdf: true });
    await auditReads(ctx, "readLetter", [consent]);
    return row.pdf.toString("base64");
  }

  @FieldResolver(() => Consent, { nullable: true, description: "The consent the letter is about, while the citizen may still see it (a parent no longer after the child's 18th birthday)." })
  async consent(@Root() letter: MailboxLetter, @Ctx() ctx: ConsentContext): Promise<Consent | null> {
    const { consent } = await letterOfCitizen(ctx, letter.id);
    if (relationTo(ctx.caller, consent, await ctx.representation()) === "NONE") return null;
    await auditReads(ctx, "read", [consent]);
    return toConsent(consent);
  }
}
