import { Migration } from '@mikro-orm/migrations';

export class Migration20261203131217_template_in_force_index extends Migration {

  override name = 'Migration20261203131217_template_in_force_index';

  override up(): void | Promise<void> {
    this.addSql(`create index consent_template_in_force_index on consent (template_id) where status in ('ACTIVE', 'PAUSED');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "consent_template_in_force_index";`);
  }

}
