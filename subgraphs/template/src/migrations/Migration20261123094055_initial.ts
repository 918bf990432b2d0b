import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094055_initial extends Migration {

  override name = 'Migration20261123094055_initial';

  override up(): void | Promise<void> {
    this.addSql(`create type "template_status" as enum ('DRAFT', 'PUBLISHED', 'RETIRED');`);
    this.addSql(`create type "declaration_kind" as enum ('CONSENT', 'OBJECTION', 'POWER_OF_ATTORNEY');`);
    this.addSql(`create table "consent_template" ("id" uuid not null, "key" varchar(100) not null, "version" int not null, "status" "template_status" not null, "kind" "declaration_kind" not null, "authority_id" uuid not null, "content" jsonb not null, "default_validity_days" int null, "published_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "consent_template_authority_id_status_index" on "consent_template" ("authority_id", "status");`);
    this.addSql(`alter table "consent_template" add constraint "consent_template_key_version_unique" unique ("key", "version");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consent_template" cascade;`);

    this.addSql(`drop type "template_status";`);
    this.addSql(`drop type "declaration_kind";`);
  }

}
