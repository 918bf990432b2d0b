import { Migration } from '@mikro-orm/migrations';

export class Migration20261203152310_retention extends Migration {

  override name = 'Migration20261203152310_retention';

  override up(): void | Promise<void> {
    this.addSql(`create table "anonymous_consent" ("id" bigserial primary key, "authority_id" uuid not null, "template_key" varchar(100) not null, "title" jsonb not null, "requested_at" timestamptz not null, "answered_after_seconds" int null, "given" boolean not null, "status" "consent_status" not null, "channel" "consent_channel" null);`);
    this.addSql(`create index "anonymous_consent_authority_id_requested_at_index" on "anonymous_consent" ("authority_id", "requested_at");`);

    // The function stays: the truncate trigger uses it too.
    this.addSql(`drop trigger if exists "append_only" on "consent_audit";`);
    this.addSql(`alter table "consent_audit" add "personal_digest" varchar(64) null, add "personal_salt" varchar(36) null;`);
    this.addSql(`comment on column "consent_audit"."personal_salt" is 'Erasable: personal data, set to null when its retention has passed.';`);
    this.addSql(`comment on column "consent_audit"."actor_id" is 'Erasable: personal data, set to null when its retention has passed.';`);
    this.addSql(`comment on column "consent_audit"."subject_id" is 'Erasable: personal data, set to null when its retention has passed.';`);
    this.addSql(`comment on column "consent_audit"."purpose" is 'Erasable: personal data, set to null when its retention has passed.';`);
    this.addSql(`create or replace function "consent_audit_erase_only_fn"() returns trigger as \$\$ begin if old.personal_digest is null
        or (new.id, new.occurred_at, new.actor_kind, new.actor_authority_id, new.action, new.consent_id, new.authority_id, new.request_id, new.xid, new.personal_digest)
          is distinct from (old.id, old.occurred_at, old.actor_kind, old.actor_authority_id, old.action, old.consent_id, old.authority_id, old.request_id, old.xid, old.personal_digest)
        or num_nonnulls(new.actor_id, new.subject_id, new.purpose, new.personal_salt) > 0
      then raise exception 'consent_audit is append-only: only the personal part of an entry may be erased'; end if;       return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "erase_only" BEFORE UPDATE on "consent_audit" for each ROW execute function "consent_audit_erase_only_fn"();`);
    this.addSql(`create or replace function "consent_audit_append_only_fn"() returns trigger as \$\$ begin raise exception 'consent_audit is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE DELETE on "consent_audit" for each STATEMENT execute function "consent_audit_append_only_fn"();`);

    // Consents asked before retention was stated keep their kind's default (the template subgraph's
    // domain/retention.ts); those that have ended are erased that long after they ended.
    this.addSql(`alter table "consent" add "retention_days" int null, add "erase_at" timestamptz null;`);
    this.addSql(`update "consent" set "retention_days" = case "kind" when 'OBJECTION' then 365 else 1095 end;`);
    this.addSql(`update "consent" set "erase_at" = "ended_at" + "retention_days" * interval '1 day' where "ended_at" is not null;`);
    this.addSql(`alter table "consent" alter column "retention_days" set not null;`);
    this.addSql(`create index consent_erase_due_index on consent (erase_at) where erase_at is not null;`);

    this.addSql(`create index "mailbox_letter_consent_id_index" on "mailbox_letter" ("consent_id");`);
    this.addSql(`create index "data_export_created_at_index" on "data_export" ("created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "anonymous_consent" cascade;`);

    this.addSql(`drop index "consent_erase_due_index";`);
    this.addSql(`alter table "consent" drop column "retention_days", drop column "erase_at";`);

    this.addSql(`drop trigger if exists "erase_only" on "consent_audit";`);
    this.addSql(`drop function if exists "consent_audit_erase_only_fn"();`);
    this.addSql(`drop trigger if exists "append_only" on "consent_audit";`);
    this.addSql(`alter table "consent_audit" drop column "personal_digest", drop column "personal_salt";`);
    this.addSql(`comment on column "consent_audit"."actor_id" is null;`);
    this.addSql(`comment on column "consent_audit"."subject_id" is null;`);
    this.addSql(`comment on column "consent_audit"."purpose" is null;`);
    this.addSql(`create or replace function "consent_audit_append_only_fn"() returns trigger as \$\$ begin raise exception 'consent_audit is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE DELETE OR UPDATE on "consent_audit" for each STATEMENT execute function "consent_audit_append_only_fn"();`);

    this.addSql(`drop index "mailbox_letter_consent_id_index";`);
    this.addSql(`drop index "data_export_created_at_index";`);
  }

}
