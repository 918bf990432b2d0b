import { Migration } from '@mikro-orm/migrations';

export class Migration20261203125540_life_events extends Migration {

  override name = 'Migration20261203125540_life_events';

  override up(): void | Promise<void> {
    this.addSql(`create table "life_event" ("id" bigserial primary key, "xid" bigint not null default ((pg_current_xact_id())::text)::bigint, "register_event_id" varchar(100) not null, "kind" varchar(30) not null, "citizen_id" uuid not null, "other_citizen_id" uuid null, "occurred_on" timestamptz not null, "guardianship_scope" jsonb not null, "received_at" timestamptz not null);`);
    this.addSql(`alter table "life_event" add constraint "life_event_register_event_id_unique" unique ("register_event_id");`);
    this.addSql(`create index "life_event_xid_id_index" on "life_event" ("xid", "id");`);

    this.addSql(`alter table "citizen" add "died_on" date null, add "address_protected" boolean not null default false;`);

    this.addSql(`alter table "power_of_attorney" add "basis" varchar(20) not null default 'GRANTED', add "register_event_id" varchar(100) null;`);

    this.addSql(`create or replace function "life_event_append_only_fn"() returns trigger as \$\$ begin raise exception 'life_event is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "life_event" for each STATEMENT execute function "life_event_append_only_fn"();`);
    // Truncating is refused too; MikroORM's trigger support covers row events only, so this one is by hand.
    this.addSql(`create trigger "append_only_truncate" BEFORE TRUNCATE on "life_event" for each STATEMENT execute function "life_event_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "append_only_truncate" on "life_event";`);
    this.addSql(`drop trigger if exists "append_only" on "life_event";`);
    this.addSql(`drop function if exists "life_event_append_only_fn"();`);
    this.addSql(`drop table if exists "life_event" cascade;`);

    this.addSql(`alter table "citizen" drop column "died_on", drop column "address_protected";`);

    this.addSql(`alter table "power_of_attorney" drop column "basis", drop column "register_event_id";`);
  }

}
