import { Migration } from '@mikro-orm/migrations';

export class Migration20261123142814_mailbox extends Migration {

  override name = 'Migration20261123142814_mailbox';

  override up(): void | Promise<void> {
    this.addSql(`create table "mailbox_cursor" ("name" varchar(30) not null, "cursor" bigint not null, primary key ("name"));`);
    // Letters start with the events after this migration: consents already made get no late letters.
    this.addSql(`insert into "mailbox_cursor" ("name", "cursor") select 'letters', coalesce(max("id"), 0) from "consent_event";`);

    this.addSql(`create table "mailbox_letter" ("id" uuid not null, "event_id" bigint not null, "recipient_id" uuid not null, "consent_id" uuid not null, "kind" varchar(20) not null, "title" jsonb not null, "sent_at" timestamptz not null, "read_at" timestamptz null, "pdf" bytea not null, "pdf_sha256" varchar(64) not null, primary key ("id"));`);
    this.addSql(`create index "mailbox_letter_recipient_id_sent_at_index" on "mailbox_letter" ("recipient_id", "sent_at");`);
    this.addSql(`alter table "mailbox_letter" add constraint "mailbox_letter_event_id_recipient_id_unique" unique ("event_id", "recipient_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "mailbox_cursor" cascade;`);
    this.addSql(`drop table if exists "mailbox_letter" cascade;`);
  }

}
