import { Migration } from '@mikro-orm/migrations';

export class Migration20261123112636_relations extends Migration {

  override name = 'Migration20261123112636_relations';

  override up(): void | Promise<void> {
    this.addSql(`create table "case_system" ("id" uuid not null, "name" varchar(255) not null, "authority_id" uuid not null, primary key ("id"));`);

    this.addSql(`create table "custody" ("id" uuid not null, "holder_id" uuid not null, "child_id" uuid not null, primary key ("id"));`);
    this.addSql(`create index "custody_child_id_index" on "custody" ("child_id");`);
    this.addSql(`alter table "custody" add constraint "custody_holder_id_child_id_unique" unique ("holder_id", "child_id");`);

    this.addSql(`create table "power_of_attorney" ("id" uuid not null, "grantor_id" uuid not null, "attorney_id" uuid not null, "authority_ids" jsonb not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "power_of_attorney_grantor_id_index" on "power_of_attorney" ("grantor_id");`);
    this.addSql(`create index "power_of_attorney_attorney_id_index" on "power_of_attorney" ("attorney_id");`);

    this.addSql(`create table "third_party" ("id" uuid not null, "name" varchar(255) not null, "cvr" varchar(8) not null, primary key ("id"));`);
    this.addSql(`alter table "third_party" add constraint "third_party_cvr_unique" unique ("cvr");`);

    this.addSql(`alter table "case_system" add constraint "case_system_authority_id_foreign" foreign key ("authority_id") references "authority" ("id");`);

    this.addSql(`alter table "custody" add constraint "custody_holder_id_foreign" foreign key ("holder_id") references "citizen" ("id");`);
    this.addSql(`alter table "custody" add constraint "custody_child_id_foreign" foreign key ("child_id") references "citizen" ("id");`);

    this.addSql(`alter table "power_of_attorney" add constraint "power_of_attorney_grantor_id_foreign" foreign key ("grantor_id") references "citizen" ("id");`);
    this.addSql(`alter table "power_of_attorney" add constraint "power_of_attorney_attorney_id_foreign" foreign key ("attorney_id") references "citizen" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "case_system" cascade;`);
    this.addSql(`drop table if exists "custody" cascade;`);
    this.addSql(`drop table if exists "power_of_attorney" cascade;`);
    this.addSql(`drop table if exists "third_party" cascade;`);
  }

}
