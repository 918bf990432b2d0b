import { Migration } from '@mikro-orm/migrations';

export class Migration20261123123133_audit_chain extends Migration {

  override name = 'Migration20261123123133_audit_chain';

  override up(): void | Promise<void> {
    this.addSql(`create table "consent_audit" ("id" bigserial primary key, "occurred_at" timestamptz not null, "actor_kind" varchar(20) not null, "actor_id" uuid null, "actor_authority_id" uuid null, "action" varchar(30) not null, "consent_id" uuid null, "subject_id" uuid null, "authority_id" uuid null, "purpose" varchar(1000) null, "request_id" varchar(128) null, "previous_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "consent_audit_subject_id_id_index" on "consent_audit" ("subject_id", "id");`);
    // Append-only: the application never changes or removes an entry, and the database refuses to.
    this.addSql(`create function "consent_audit_append_only"() returns trigger language plpgsql as $$ begin raise exception 'consent_audit is append-only'; end $$;`);
    this.addSql(`create trigger "consent_audit_append_only" before update or delete or truncate on "consent_audit" for each statement execute function "consent_audit_append_only"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consent_audit" cascade;`);
    this.addSql(`drop function if exists "consent_audit_append_only"();`);
  }

}
