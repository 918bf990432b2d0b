import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094301_initial extends Migration {

  override name = 'Migration20261123094301_initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "consent_status" as enum ('REQUESTED', 'ACTIVE', 'PAUSED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'USED', 'CLOSED', 'CANCELLED');`);
    this.addSql(`create table "consent" ("id" uuid not null, "status" "consent_status" not null, "template_id" uuid not null, "template_key" varchar(100) not null, "template_version" int not null, "authority_id" uuid not null, "subject_id" uuid not null, "case_reference" varchar(100) null, "body" jsonb not null, "validity_days" int null, "requested_at" timestamptz not null, "answered_at" timestamptz null, "valid_from" timestamptz null, "valid_to" timestamptz null, "version" int not null default 1, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "consent_authority_id_requested_at_index" on "consent" ("authority_id", "requested_at");`);
    this.addSql(`create index "consent_subject_id_template_key_index" on "consent" ("subject_id", "template_key");`);

    this.addSql(`create table "consent_event" ("id" bigserial primary key, "consent_id" uuid not null, "action" varchar(20) not null, "status" "consent_status" not null, "authority_id" uuid not null, "subject_id" uuid not null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "consent_event_consent_id_id_index" on "consent_event" ("consent_id", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consent" cascade;`);
    this.addSql(`drop table if exists "consent_event" cascade;`);

    this.addSql(`drop type "consent_status";`);
  }

}
