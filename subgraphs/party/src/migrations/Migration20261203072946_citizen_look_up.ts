import { Migration } from '@mikro-orm/migrations';

export class Migration20261203072946_citizen_look_up extends Migration {

  override name = 'Migration20261203072946_citizen_look_up';

  override up(): void | Promise<void> {
    this.addSql(`create table "citizen_look_up" ("id" uuid not null, "citizen_id" uuid not null, "occurred_at" timestamptz not null, "actor_kind" varchar(20) not null, "actor_id" varchar(128) not null, "authority_id" uuid not null, "fields" jsonb not null, "request_id" varchar(128) null, primary key ("id"));`);
    this.addSql(`create index "citizen_look_up_citizen_id_occurred_at_index" on "citizen_look_up" ("citizen_id", "occurred_at");`);

    this.addSql(`create or replace function "citizen_look_up_append_only_fn"() returns trigger as \$\$ begin raise exception 'citizen_look_up is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "citizen_look_up" for each STATEMENT execute function "citizen_look_up_append_only_fn"();`);
    // Truncating is refused too; MikroORM's trigger support covers row events only, so this one is by hand.
    this.addSql(`create trigger "append_only_truncate" BEFORE TRUNCATE on "citizen_look_up" for each STATEMENT execute function "citizen_look_up_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "append_only_truncate" on "citizen_look_up";`);
    this.addSql(`drop trigger if exists "append_only" on "citizen_look_up";`);
    this.addSql(`drop function if exists "citizen_look_up_append_only_fn"();`);
    this.addSql(`drop table if exists "citizen_look_up" cascade;`);
  }

}
