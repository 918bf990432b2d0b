import { Migration } from '@mikro-orm/migrations';

export class Migration20261123095715_consent_ended_at extends Migration {

  override name = 'Migration20261123095715_consent_ended_at';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent" add "ended_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "ended_at";`);
  }

}
