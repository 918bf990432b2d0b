import { Migration } from '@mikro-orm/migrations';

export class Migration20261203140508_data_export extends Migration {

  override name = 'Migration20261203140508_data_export';

  override up(): void | Promise<void> {
    this.addSql(`create table "data_export" ("id" uuid not null, "requested_by_id" uuid not null, "subject_id" uuid not null, "status" varchar(20) not null default 'QUEUED', "done" int not null default 0, "total" int not null default 0, "created_at" timestamptz not null, "claimed_at" timestamptz null, "ready_at" timestamptz null, "consent_ids" jsonb not null default '[]', "archive" bytea null, "sha256" varchar(64) null, "size" int null, primary key ("id"));`);
    this.addSql(`create index data_export_waiting_index on data_export (created_at) where status in ('QUEUED', 'BUILDING');`);
    this.addSql(`create index "data_export_requested_by_id_created_at_index" on "data_export" ("requested_by_id", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "data_export" cascade;`);
  }

}
