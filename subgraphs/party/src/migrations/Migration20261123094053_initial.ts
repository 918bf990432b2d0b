import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094053_initial extends Migration {

  override name = 'Migration20261123094053_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "authority" ("id" uuid not null, "name" varchar(255) not null, "cvr" varchar(8) not null, primary key ("id"));`);
    this.addSql(`alter table "authority" add constraint "authority_cvr_unique" unique ("cvr");`);

    this.addSql(`create table "caseworker" ("id" uuid not null, "name" varchar(255) not null, "authority_id" uuid not null, primary key ("id"));`);

    this.addSql(`create table "citizen" ("id" uuid not null, "cpr_hash" varchar(64) not null, "cpr_encrypted" text not null, "name" varchar(255) not null, "birth_date" date not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "citizen" add constraint "citizen_cpr_hash_unique" unique ("cpr_hash");`);

    this.addSql(`alter table "caseworker" add constraint "caseworker_authority_id_foreign" foreign key ("authority_id") references "authority" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "caseworker" drop constraint "caseworker_authority_id_foreign";`);

    this.addSql(`drop table if exists "authority" cascade;`);
    this.addSql(`drop table if exists "caseworker" cascade;`);
    this.addSql(`drop table if exists "citizen" cascade;`);
  }

}
