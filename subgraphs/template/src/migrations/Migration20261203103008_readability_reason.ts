import { Migration } from '@mikro-orm/migrations';

export class Migration20261203103008_readability_reason extends Migration {

  override name = 'Migration20261203103008_readability_reason';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent_template" add "readability_reason" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent_template" drop column "readability_reason";`);
  }

}
