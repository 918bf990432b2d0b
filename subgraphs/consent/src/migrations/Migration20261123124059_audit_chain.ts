import { Migration } from '@mikro-orm/migrations';

export class Migration20261123124059_audit_chain extends Migration {

  override name = 'Migration20261123124059_audit_chain';

  override up(): void | Promise<void> {
    this.addSql(`create table "consent_audit" ("id" bigserial primary key, "occurred_at" timestamptz not null, "actor_kind" varchar(20) not null, "actor_id" uuid null, "actor_authority_id" uuid null, "action" varchar(30) not null, "consent_id" uuid null, "subject_id" uuid null, "authority_id" uuid null, "purpose" varchar(1000) null, "request_id" varchar(128) null, "previous_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "consent_audit_subject_id_id_index" on "consent_audit" ("subject_id", "id");`);

    this.addSql(`create or replace function "consent_audit_append_only_fn"() returns trigger as \$\$ begin raise exception 'consent_audit is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "consent_audit" for each STATEMENT execute function "consent_audit_append_only_fn"();`);
    // Truncating is refused too; MikroORM's trigger support covers row events only, so this one is by hand.
    this.addSql(`create trigger "append_only_truncate" BEFORE TRUNCATE on "consent_audit" for each STATEMENT execute function "consent_audit_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "append_only_truncate" on "consent_audit";`);
    this.addSql(`drop trigger if exists "append_only" on "consent_audit";`);
    this.addSql(`drop function if exists "consent_audit_append_only_fn"();`);
    this.addSql(`drop table if exists "consent_audit" cascade;`);
  }

}
