import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104724_idempotency_record extends Migration {

  override name = 'Migration20261123104724_idempotency_record';

  override up(): void | Promise<void> {
    this.addSql(`create table "idempotency_record" ("authority_id" uuid not null, "key" varchar(200) not null, "operation" varchar(50) not null, "request_hash" varchar(64) not null, "consent_id" uuid not null, "created_at" timestamptz not null, primary key ("authority_id", "key"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
  }

}
