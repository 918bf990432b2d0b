import { Migration } from '@mikro-orm/migrations';

export class Migration20261203125814_life_events extends Migration {

  override name = 'Migration20261203125814_life_events';

  override up(): void | Promise<void> {
    this.addSql(`create table "deceased_citizen" ("citizen_id" uuid not null, "died_on" timestamptz not null, primary key ("citizen_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "deceased_citizen" cascade;`);
  }

}
