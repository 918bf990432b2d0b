import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { FORBIDDEN_MESSAGE, ForbiddenError, formatPosition, NotFoundError, pageSize, requireCaller } from "@samtykke/server-kit";
import { relationTo } from "../domain/access.js";
import { legalBasisOf } from "../domain/validity.js";
import { actOnConsent, giveConsent, markConsentUsed } from "../services/act-on-consent.js";
import { closeCase } from "../services/close-case.js";
import { consentCheck } from "../services/consent-check.js";
import { readConsent } from "../services/consent-reads.js";
import { registerGivenConsent, requestConsent } from "../services/create-consent.js";
import { consentHistory, myConsents } from "../services/consent-search.js";
import { auditReads } from "../services/audit.js";
import { accessLogFor } from "../services/access-log.js";
import { GraphQLJSONObject } from "graphql-scalars";
import { publicJwk, requireDocumentSize, verifyDocument, type ConsentDocument } from "../domain/consent-document.js";
import { consentAttachments, consentDocument, consentFhir, consentIntegrity, consentIso27560, attachmentContent, noSuchFile } from "../services/consent-documents.js";
import { Channel } from "../domain/consent.js";
import { ChoiceAnswerInput, DeliverConsentInput, RegisterConsentInput, toAnswers, UploadPaperConsentInput } from "./register-consent.input.js";
import { consentEventStream, latestCursor, positionOf, type StreamedConsentEvent } from "../services/consent-event-stream.js";
import type { ConsentContext } from "../context.js";
import { toConsent } from "./consent.mapper.js";
import { introspectDataAccess, requestDataAccess } from "../services/data-access.js";
import { Consent, ConsentAccess, DataAccessGrant, DataAccessIntrospection, DataAccessRequestInput, DocumentVerificationResult, ConsentAttachment, ConsentCheck, ConsentIntegrity, ConsentStatusEvent, } from "./consent.type.js";
import { RequestConsentInput } from "./request-consent.input.js";
import { ConsentHistoryEntry } from "./consent-connection.type.js";


@ArgsType()
class ConsentStatusChangedArgs {
  @Field(() => ID, { nullable: true })
  consentId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only consents concerning this citizen." })
  citizenId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only consents this authority receives." })
  authorityId?: string | null;

  @Field(() => String, { nullable: true, description: "Resume after this cursor: every event since, in order, then live." })
  after?: string | null;
}

@Resolver(() => Consent)
export class ConsentResolver {
  @Query(() => Consent, { description: "One consent, for the authority that holds it and the citizens it concerns or who act for them." })
  async consent(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<Consent> {
    const consent = await readConsent(ctx, id);
    await auditReads(ctx, "read", [consent]);
    return toConsent(consent);
  }

  @Query(() => [Consent], {
    description: "The signed-in citizen's consents and requests, and those of the children in their custody and of people who gave them power of attorney; newest first.",
  })
  async myConsents(
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent[]> {
    requireCaller(ctx.caller, "citizen");
    const rows = await myConsents(ctx.em, (await ctx.representation())!, pageSize(first));
    await auditReads(ctx, "read", rows);
    return rows.map(toConsent);
  }

  @Query(() => [ConsentAccess], {
    description:
      "Who else has read, checked or changed the signed-in citizen's consents (and their children's): authorities, their case systems and the platform; newest first.",
  })
  async myConsentAccessLog(
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
    @Arg("after", () => String, { nullable: true, description: "The entries older than this cursor." }) after?: string | null,
    @Arg("before", () => String, { nullable: true, description: "The entries newer than this cursor, the nearest `first` of them (still newest first)." }) before?: string | null,
    @Arg("consentId", () => ID, { nullable: true, description: "Only the entries about this consent: who used it." }) consentId?: string | null,
  ): Promise<ConsentAccess[]> {
    requireCaller(ctx.caller, "citizen");
    return accessLogFor(ctx.em, (await ctx.representation())!, pageSize(first), { after, before }, consentId);
  }

  @FieldResolver(() => [ConsentHistoryEntry], { description: "Every change of the consent, oldest first." })
  async history(
    @Root() consent: Consent,
    @Arg("first", () => Int, { defaultValue: 100, description: "At most 100, oldest first." }) first: number,
    @Ctx() { em }: ConsentContext,
  ): Promise<ConsentHistoryEntry[]> {
    return (await consentHistory(em, consent.id, first)).map((event) => ({
      cursor: formatPosition(positionOf(event)),
      action: event.action,
      status: event.status,
      occurredAt: event.occurredAt,
      actorKind: event.actorKind,
      actorId: event.actorId ?? null,
      onBehalfOfId: event.onBehalfOfId ?? null,
      channel: event.channel ?? null,
      reason: event.reason ?? null,
      assuranceLevel: event.assuranceLevel ?? null,
    }));
  }

  @FieldResolver(() => [ConsentAttachment], { description: "Files of the consent, such as a scanned paper form." })
  async attachments(@Root() consent: Consent, @Ctx() { em }: ConsentContext): Promise<ConsentAttachment[]> {
    return consentAttachments(em, consent.id);
  }

  @FieldResolver(() => ConsentIntegrity, { description: "Recomputes the hash of the stored content and compares it with every signature." })
  async integrity(@Root() consent: Consent, @Ctx() { em }: ConsentContext): Promise<ConsentIntegrity> {
    return consentIntegrity(em, consent.id);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "The consent as one self-contained document in the exchange format (samtykke.consent-document/1): what was signed, how it stands, the signatures, and the platform's seal (ES256 JWS, keys at /.well-known/jwks.json). Validates against schema/consent-document.schema.json.",
  })
  async document(@Root() consent: Consent, @Ctx() ctx: ConsentContext): Promise<ConsentDocument> {
    const row = await readConsent(ctx, consent.id);
    await auditReads(ctx, "document", [row]);
    return consentDocument(ctx.em, row, ctx.sealKeys[0]!, ctx.now());
  }

  @FieldResolver(() => GraphQLJSONObject, { description: "The consent as an HL7 FHIR R5 Consent resource (mapping in the README)." })
  async fhir(@Root() consent: Consent, @Ctx() ctx: ConsentContext): Promise<Record<string, unknown>> {
    const row = await readConsent(ctx, consent.id);
    await auditReads(ctx, "export", [row]);
    return consentFhir(ctx.em, row);
  }

  @FieldResolver(() => GraphQLJSONObject, {
    description:
      "The consent as an ISO/IEC TS 27560:2023 consent receipt around its consent record (the standard's field names; schema/iso27560-receipt.schema.json; mapping in the README).",
  })
  async iso27560(@Root() consent: Consent, @Ctx() ctx: ConsentContext): Promise<Record<string, unknown>> {
    const row = await readConsent(ctx, consent.id);
    await auditReads(ctx, "export", [row]);
    return consentIso27560(ctx.em, ctx.supergraph, row, ctx.requestId, ctx.now());
  }

  @Query(() => DocumentVerificationResult, {
    description: "Checks a consent document against the platform's keys: VALID, TAMPERED, UNKNOWN_KEY or MALFORMED, and why. The same check runs offline with `npm run verify-consent`.",
  })
  async verifyConsentDocument(@Arg("document", () => GraphQLJSONObject) document: Record<string, unknown>, @Ctx() ctx: ConsentContext): Promise<DocumentVerificationResult> {
    requireDocumentSize(document);
    return verifyDocument(document, ctx.sealKeys.map(publicJwk));
  }

  @Mutation(() => DataAccessGrant, {
    description:
      "The data-sharing gate: a third party's system asks for named data about a citizen under a consent. Granted only when the consent is in force, names the caller's organisation as third party, and the citizen said yes to every item; else FORBIDDEN with reason NO_VALID_CONSENT (also where only consents naming others exist: the caller learns nothing of them) or SCOPE_NOT_COVERED.",
  })
  async requestDataAccess(@Arg("input", () => DataAccessRequestInput) input: DataAccessRequestInput, @Ctx() ctx: ConsentContext): Promise<DataAccessGrant> {
    const grant = await requestDataAccess(ctx, input);
    return { ...grant, consent: toConsent(grant.consent) };
  }

  @Query(() => DataAccessIntrospection, { description: "For the data holder: does this access token still stand? Inactive the moment its consent is withdrawn." })
  async introspectDataAccess(@Arg("token", () => String) token: string, @Ctx() ctx: ConsentContext): Promise<DataAccessIntrospection> {
    const result = await introspectDataAccess(ctx, token);
    return { ...result, consent: result.consent && toConsent(result.consent) };
  }

  @Query(() => String, { description: "The content of a consent's attachment, base64-encoded." })
  async consentAttachmentContent(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<string> {
    const attachment = await attachmentContent(ctx.em, id);
    let consent;
    try {
      consent = await readConsent(ctx, attachment.consentId);
    } catch (error) {
      // A file of another's consent is told as one that does not exist.
      throw error instanceof NotFoundError ? noSuchFile(id) : error;
    }
    await auditReads(ctx, "readFile", [consent]);
    return attachment.content.toString("base64");
  }

  @Query(() => String, {
    description:
      "Where the event log stands now: every event from now on lies after it. Read it before loading data, then subscribe with `after` set to it, and nothing falls between (an event that committed just before may come once more).",
  })
  async latestConsentCursor(@Ctx() { em, caller }: ConsentContext): Promise<string> {
    requireCaller(caller, "citizen", "caseworker", "system");
    return latestCursor(em);
  }

  @Query(() => ConsentCheck, { description: "Is there a valid consent from this citizen on this template key?" })
  async consentCheck(
    @Arg("cpr", () => String) cpr: string,
    @Arg("templateKey", () => String) templateKey: string,
    @Arg("recipient", () => ID, { nullable: true, description: "The authority or third party the data would go to; the consent must name it." })
    recipient: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<ConsentCheck> {
    const result = await consentCheck(ctx, { cpr, templateKey, recipient });
    await auditReads(ctx, "check", result.consent ? [result.consent] : [], { subjectId: result.subjectId, purpose: templateKey });
    return {
      valid: result.valid,
      reason: result.reason,
      consent: result.consent && toConsent(result.consent),
      validTo: result.consent?.validTo ?? null,
      legalBasis: result.consent ? legalBasisOf(result.consent.kind) : null,
    };
  }

  @Mutation(() => Consent, { description: "Ask a citizen for consent on a published template." })
  async requestConsent(
    @Arg("input", () => RequestConsentInput) input: RequestConsentInput,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent> {
    return toConsent(await requestConsent(ctx, input));
  }

  @Mutation(() => Consent, { description: "Register a consent the citizen gave in person or by phone, attested by the caseworker." })
  async registerConsent(@Arg("input", () => RegisterConsentInput) input: RegisterConsentInput, @Ctx() ctx: ConsentContext): Promise<Consent> {
    const { statement, answers, ...rest } = input;
    const caseworker = requireCaller(ctx.caller, "caseworker");
    return toConsent(
      await registerGivenConsent(ctx, {
        ...rest,
        answers: toAnswers(answers),
        channel: Channel.ON_BEHALF,
        attestation: { attestedBy: caseworker.caseworkerId, statement },
      }),
    );
  }

  @Mutation(() => Consent, { description: "Register a signed paper consent: the scan (PDF, PNG or JPEG), the answers on the form and the caseworker's attestation." })
  async uploadPaperConsent(@Arg("input", () => UploadPaperConsentInput) input: UploadPaperConsentInput, @Ctx() ctx: ConsentContext): Promise<Consent> {
    const { statement, answers, scanBase64, fileName, signedAt, ...rest } = input;
    const caseworker = requireCaller(ctx.caller, "caseworker");
    return toConsent(
      await registerGivenConsent(ctx, {
        ...rest,
        answers: toAnswers(answers),
        channel: Channel.PAPER,
        attestation: { attestedBy: caseworker.caseworkerId, statement },
        givenAt: signedAt,
        scan: { fileName, content: Buffer.from(scanBase64, "base64") },
      }),
    );
  }

  @Mutation(() => Consent, { description: "Hand over a consent a case system collected itself, with its evidence; idempotent with a key." })
  async deliverConsent(@Arg("input", () => DeliverConsentInput) input: DeliverConsentInput, @Ctx() ctx: ConsentContext): Promise<Consent> {
    const { evidenceReference, answers, ...rest } = input;
    const system = requireCaller(ctx.caller, "system");
    return toConsent(
      await registerGivenConsent(ctx, {
        ...rest,
        answers: toAnswers(answers),
        channel: Channel.API,
        attestation: { attestedBy: system.caseSystemId, statement: evidenceReference },
      }),
    );
  }

  @Mutation(() => Consent, { description: "Give a consent that was requested, answering every choice; the answers and texts are signed." })
  async giveConsent(
    @Arg("id", () => ID) id: string,
    @Arg("answers", () => [ChoiceAnswerInput], { defaultValue: [] }) answers: ChoiceAnswerInput[],
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent> {
    return toConsent(await giveConsent(ctx, id, toAnswers(answers)));
  }

  @Mutation(() => Consent, { description: "Decline a consent that was requested." })
  async declineConsent(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<Consent> {
    return toConsent(await actOnConsent(ctx, id, "decline"));
  }

  @Mutation(() => Consent, {
    description: "Withdraw a given consent; it stops being valid at once. A caseworker withdrawing for the citizen says how the citizen asked (`reason`).",
  })
  async withdrawConsent(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent> {
    return toConsent(await actOnConsent(ctx, id, "withdraw", reason));
  }

  @Mutation(() => Consent, { description: "Suspend a given consent; checks answer PAUSED until it is resumed." })
  async pauseConsent(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { nullable: true, description: "A caseworker pausing for the citizen says how the citizen asked." }) reason: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent> {
    return toConsent(await actOnConsent(ctx, id, "pause", reason));
  }

  @Mutation(() => Consent, { description: "Put a paused consent back in force." })
  async resumeConsent(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { nullable: true, description: "A caseworker resuming for the citizen says how the citizen asked." }) reason: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent> {
    return toConsent(await actOnConsent(ctx, id, "resume", reason));
  }

  @Mutation(() => Consent, { description: "Record that a single-use consent has been used; it is then USED and no longer valid." })
  async markConsentUsed(
    @Arg("id", () => ID) id: string,
    @Arg("idempotencyKey", () => String, { nullable: true, description: "Send the same key when retrying: the first answer comes back." })
    idempotencyKey: string | null,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent> {
    return toConsent(await markConsentUsed(ctx, id, idempotencyKey));
  }

  @Mutation(() => Consent, { description: "Withdraw a request for consent before the citizen has answered it." })
  async cancelConsentRequest(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<Consent> {
    return toConsent(await actOnConsent(ctx, id, "cancel"));
  }

  @Mutation(() => [Consent], {
    description: "Close a case: every consent of it still requested, in force or paused ends as CLOSED.",
  })
  async closeCase(
    @Arg("authorityId", () => ID) authorityId: string,
    @Arg("caseReference", () => String) caseReference: string,
    @Ctx() ctx: ConsentContext,
  ): Promise<Consent[]> {
    return (await closeCase(ctx, { authorityId, caseReference })).map(toConsent);
  }

  @Subscription(() => ConsentStatusEvent, {
    description: "Changes to consents, narrowed by the arguments; resumable from a cursor.",
    subscribe: async ({ args, context }) => {
      const ctx = context as ConsentContext;
      const filter = args as ConsentStatusChangedArgs;
      // The same rule as reading: an authority hears of its own consents, a citizen of those they may see.
      const caller = requireCaller(ctx.caller, "citizen", "caseworker", "system");
      if (caller.kind !== "citizen" && filter.authorityId && filter.authorityId !== caller.authorityId) throw new ForbiddenError(FORBIDDEN_MESSAGE, { reason: "OTHER_AUTHORITY" });
      const representation = await ctx.representation();
      await auditReads(ctx, "subscribe", [], { subjectId: filter.citizenId ?? (representation?.citizenId ?? null), purpose: filter.consentId ? `consent ${filter.consentId}` : null });
      return consentEventStream(
        ctx.em,
        ctx.events,
        {
          consentId: filter.consentId,
          subjectId: filter.citizenId,
          authorityId: caller.kind === "citizen" ? filter.authorityId : caller.authorityId,
          subjectIds: representation ? [representation.citizenId, ...representation.childIds, ...representation.grants.map((grant) => grant.grantorId)] : null,
          visible: (consent) => relationTo(caller, consent, representation) !== "NONE",
        },
        filter.after,
      );
    },
  })
  consentStatusChanged(
    @Root() { event, consent }: StreamedConsentEvent,
    @Args(() => ConsentStatusChangedArgs) _args: ConsentStatusChangedArgs,
  ): ConsentStatusEvent {
    return { cursor: formatPosition(positionOf(event)), status: event.status, action: event.action, occurredAt: event.occurredAt, consent: toConsent(consent) };
  }
}
