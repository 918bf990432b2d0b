import { Migration } from '@mikro-orm/migrations';

export class Migration20261123145232_organisation_address extends Migration {

  override name = 'Migration20261123145232_organisation_address';

  override up(): void | Promise<void> {
    this.addSql(`alter table "authority" add "address" varchar(300) null, add "contact" varchar(300) null;`);

    this.addSql(`alter table "third_party" add "address" varchar(300) null, add "contact" varchar(300) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "authority" drop column "address", drop column "contact";`);

    this.addSql(`alter table "third_party" drop column "address", drop column "contact";`);
  }

}
