import { Migration } from '@mikro-orm/migrations';

export class Migration20261123153202_sealed_webhook_secrets extends Migration {

  override name = 'Migration20261123153202_sealed_webhook_secrets';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook_subscription" alter column "secret" type varchar(200) using ("secret"::varchar(200));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_subscription" alter column "secret" type varchar(100) using ("secret"::varchar(100));`);
  }

}
