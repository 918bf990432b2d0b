import { Migration } from '@mikro-orm/migrations';

export class Migration20261203155414_erasure_sweep extends Migration {

  override name = 'Migration20261203155414_erasure_sweep';

  override up(): void | Promise<void> {
    this.addSql(`create table "erasure_sweep" ("consent_id" uuid not null, "subject_id" uuid not null, "until" timestamptz not null, primary key ("consent_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "erasure_sweep" cascade;`);
  }

}
