import { Migration } from '@mikro-orm/migrations';

export class Migration20261123141605_stop_confirmations extends Migration {

  override name = 'Migration20261123141605_stop_confirmations';

  override up(): void | Promise<void> {
    this.addSql(`create table "consent_stop_confirmation" ("id" uuid not null, "consent_id" uuid not null, "recipient_kind" varchar(20) not null, "system_id" uuid not null, "organisation_id" uuid not null, "ended_at" timestamptz not null, "confirmed_at" timestamptz null, "confirmed_via" varchar(10) null, primary key ("id"));`);
    this.addSql(`create index "consent_stop_confirmation_organisation_id_confirmed_at_index" on "consent_stop_confirmation" ("organisation_id", "confirmed_at");`);
    this.addSql(`alter table "consent_stop_confirmation" add constraint "consent_stop_confirmation_consent_id_system_id_unique" unique ("consent_id", "system_id");`);

    this.addSql(`alter type "consent_actor_kind" add value if not exists 'THIRD_PARTY' after 'CASE_SYSTEM';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consent_stop_confirmation" cascade;`);
  }

}
