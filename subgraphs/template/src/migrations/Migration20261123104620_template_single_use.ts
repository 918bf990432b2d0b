import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104620_template_single_use extends Migration {

  override name = 'Migration20261123104620_template_single_use';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent_template" add "single_use" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent_template" drop column "single_use";`);
  }

}
