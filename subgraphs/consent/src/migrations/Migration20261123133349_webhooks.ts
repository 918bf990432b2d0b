import { Migration } from '@mikro-orm/migrations';

export class Migration20261123133349_webhooks extends Migration {

  override name = 'Migration20261123133349_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook_subscription" ("id" uuid not null, "authority_id" uuid not null, "case_system_id" uuid not null, "url" varchar(2000) not null, "secret" varchar(100) not null, "cursor" bigint not null default '0', "leased_until" timestamptz null, "next_attempt_at" timestamptz null, "last_delivery_at" timestamptz null, "last_error" varchar(500) null, "failures" int not null default 0, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhook_subscription_leased_until_index" on "webhook_subscription" ("leased_until");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "webhook_subscription" cascade;`);
  }

}
