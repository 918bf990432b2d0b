import { DataExportEntity } from "./entities/data-export.entity.js";
import { DataExportResolver } from "./resolvers/data-export.resolver.js";
import { DeceasedCitizenEntity } from "./entities/deceased-citizen.entity.js";
import { ErasureSweepEntity } from "./entities/erasure-sweep.entity.js";
import { AnonymousConsentEntity } from "./entities/anonymous-consent.entity.js";
import { fileURLToPath } from "node:url";
import { buildFederatedSchema, MAX_REQUEST_BYTES, type SubgraphDefinition } from "@samtykke/server-kit";
import { AuditBatchEntity } from "./entities/audit-batch.entity.js";
import { AuditEntryEntity } from "./entities/audit-entry.entity.js";
import { ConsentAttachmentEntity } from "./entities/consent-attachment.entity.js";
import { ConsentEventEntity } from "./entities/consent-event.entity.js";
import { ConsentEntity } from "./entities/consent.entity.js";
import { IdempotencyRecordEntity } from "./entities/idempotency-record.entity.js";
import { WebhookSubscriptionEntity } from "./entities/webhook.entity.js";
import { StopConfirmationEntity } from "./entities/stop-confirmation.entity.js";
import { MailboxCursorEntity, MailboxLetterEntity } from "./entities/mailbox-letter.entity.js";
import { ReconsentCampaignEntity } from "./entities/reconsent-campaign.entity.js";
import { referenceResolvers } from "./federation/reference-resolvers.js";
import { WebhookResolver } from "./resolvers/webhook.resolver.js";
import { StopConfirmationResolver } from "./resolvers/stop-confirmation.resolver.js";
import { MailboxResolver } from "./resolvers/mailbox.resolver.js";
import { ConsentResolver } from "./resolvers/consent.resolver.js";
import { StatisticsResolver, TemplateInForceResolver } from "./resolvers/statistics.resolver.js";
import { ReconsentResolver } from "./resolvers/reconsent.resolver.js";
import { ConsentFollowUpResolver } from "./resolvers/consent-follow-up.resolver.js";
import { AuthorityConsentsResolver, CitizenConsentsResolver, ConsentSearchResolver } from "./resolvers/consent-search.resolver.js";
import { ConsentTemplate } from "./resolvers/consent.type.js";

// Subscriptions are served from the event log (see consent-event-stream.ts); type-graphql only
// insists that some PubSub exists.
const unusedPubSub = { publish: () => {}, subscribe: () => ({ [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }) }) };

export const consentSubgraph: SubgraphDefinition = {
  name: "consent",
  entities: [ConsentEntity, ConsentEventEntity, ConsentAttachmentEntity, IdempotencyRecordEntity, AuditEntryEntity, AuditBatchEntity, WebhookSubscriptionEntity, StopConfirmationEntity, MailboxLetterEntity, MailboxCursorEntity, ReconsentCampaignEntity, DeceasedCitizenEntity, DataExportEntity, AnonymousConsentEntity, ErasureSweepEntity],
  migrationsPath: fileURLToPath(new URL("./migrations", import.meta.url)),
  subscriptions: true,
  // A paper consent's scan may be 10 MB, a third more as base64 in the JSON body.
  maxBodyBytes: MAX_REQUEST_BYTES,
  buildSchema: () =>
    buildFederatedSchema(
      {
        resolvers: [ConsentResolver, ConsentSearchResolver, StatisticsResolver, TemplateInForceResolver, ReconsentResolver, ConsentFollowUpResolver, CitizenConsentsResolver, AuthorityConsentsResolver, WebhookResolver, StopConfirmationResolver, MailboxResolver, DataExportResolver],
        orphanedTypes: [ConsentTemplate],
        pubSub: unusedPubSub as never,
      },
      referenceResolvers,
    ),
};
