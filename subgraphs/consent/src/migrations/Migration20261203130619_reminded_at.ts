import { Migration } from '@mikro-orm/migrations';

export class Migration20261203130619_reminded_at extends Migration {

  override name = 'Migration20261203130619_reminded_at';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent" add "reminded_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "reminded_at";`);
  }

}
