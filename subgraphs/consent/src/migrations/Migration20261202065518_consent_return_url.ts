import { Migration } from '@mikro-orm/migrations';

export class Migration20261202065518_consent_return_url extends Migration {

  override name = 'Migration20261202065518_consent_return_url';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent" add "return_url" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "return_url";`);
  }

}
