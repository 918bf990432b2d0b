import { Migration } from '@mikro-orm/migrations';

export class Migration20261202055817_reconsent_campaign extends Migration {

  override name = 'Migration20261202055817_reconsent_campaign';

  override up(): void | Promise<void> {
    this.addSql(`create table "reconsent_campaign" ("id" uuid not null, "template_id" uuid not null, "authority_id" uuid not null, "template" jsonb not null, "started_by" jsonb not null, "status" varchar(10) not null default 'RUNNING', "total" int not null, "requested" int not null default 0, "skipped" int not null default 0, "cursor_requested_at" timestamptz null, "cursor_id" uuid null, "started_at" timestamptz not null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "reconsent_campaign_template_id_index" on "reconsent_campaign" ("template_id");`);
    this.addSql(`create index "reconsent_campaign_status_started_at_index" on "reconsent_campaign" ("status", "started_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "reconsent_campaign" cascade;`);
  }

}
