import { Migration } from '@mikro-orm/migrations';

export class Migration20261203123100_request_follow_up extends Migration {

  override name = 'Migration20261203123100_request_follow_up';

  override up(): void | Promise<void> {
    this.addSql(`alter type "consent_status" add value if not exists 'UNANSWERED';`);
    this.addSql(`alter table "consent" add "reminder_due_at" timestamptz null, add "follow_up_due_at" timestamptz null, add "follow_up_opened_at" timestamptz null, add "follow_up_done_at" timestamptz null;`);
    this.addSql(`create index consent_reminder_due_index on consent (reminder_due_at) where status = 'REQUESTED' and reminder_due_at is not null;`);
    this.addSql(`create index consent_follow_up_due_index on consent (follow_up_due_at) where status = 'REQUESTED' and follow_up_due_at is not null;`);
    this.addSql(`create index consent_follow_up_open_index on consent (authority_id, requested_at) where status = 'REQUESTED' and follow_up_opened_at is not null and follow_up_done_at is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "consent_follow_up_open_index";`);
    this.addSql(`drop index if exists "consent_follow_up_due_index";`);
    this.addSql(`drop index if exists "consent_reminder_due_index";`);
    this.addSql(`alter table "consent" drop column "reminder_due_at", drop column "follow_up_due_at", drop column "follow_up_opened_at", drop column "follow_up_done_at";`);
  }

}
