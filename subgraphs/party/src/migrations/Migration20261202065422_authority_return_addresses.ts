import { Migration } from '@mikro-orm/migrations';

export class Migration20261202065422_authority_return_addresses extends Migration {

  override name = 'Migration20261202065422_authority_return_addresses';

  override up(): void | Promise<void> {
    this.addSql(`alter table "authority" add "return_addresses" jsonb not null default '[]';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "authority" drop column "return_addresses";`);
  }

}
