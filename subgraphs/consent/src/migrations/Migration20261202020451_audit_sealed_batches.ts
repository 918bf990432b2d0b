import { Migration } from '@mikro-orm/migrations';

export class Migration20261202020451_audit_sealed_batches extends Migration {

  override name = 'Migration20261202020451_audit_sealed_batches';

  override up(): void | Promise<void> {
    this.addSql(`create table "consent_audit_batch" ("id" bigserial primary key, "previous_horizon" bigint not null, "horizon" bigint not null, "size" int not null, "leaves" text not null, "root" varchar(64) not null, "previous_head" varchar(64) not null, "head" varchar(64) not null, "sealed_at" timestamptz not null);`);
    this.addSql(`alter table "consent_audit_batch" add constraint "consent_audit_batch_previous_horizon_unique" unique ("previous_horizon");`);
    this.addSql(`alter table "consent_audit_batch" add constraint "consent_audit_batch_horizon_unique" unique ("horizon");`);

    this.addSql(`alter table "consent_audit" drop column "previous_hash", drop column "hash";`);
    this.addSql(`alter table "consent_audit" add "xid" bigint not null default ((pg_current_xact_id())::text)::bigint;`);
    this.addSql(`create index "consent_audit_xid_index" on "consent_audit" ("xid");`);

    this.addSql(`create or replace function "consent_audit_batch_append_only_fn"() returns trigger as \$\$ begin raise exception 'consent_audit_batch is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "consent_audit_batch" for each STATEMENT execute function "consent_audit_batch_append_only_fn"();`);
    // As for the entries: MikroORM's triggers cover row events only, so truncating is refused by hand.
    this.addSql(`create trigger "append_only_truncate" BEFORE TRUNCATE on "consent_audit_batch" for each STATEMENT execute function "consent_audit_batch_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "append_only_truncate" on "consent_audit_batch";`);
    this.addSql(`drop trigger if exists "append_only" on "consent_audit_batch";`);
    this.addSql(`drop function if exists "consent_audit_batch_append_only_fn"();`);
    this.addSql(`drop table if exists "consent_audit_batch" cascade;`);

    this.addSql(`drop index "consent_audit_xid_index";`);
    this.addSql(`alter table "consent_audit" drop column "xid";`);
    this.addSql(`alter table "consent_audit" add "previous_hash" varchar(64) not null, add "hash" varchar(64) not null;`);
  }

}
