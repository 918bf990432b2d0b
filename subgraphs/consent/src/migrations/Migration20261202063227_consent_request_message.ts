import { Migration } from '@mikro-orm/migrations';

export class Migration20261202063227_consent_request_message extends Migration {

  override name = 'Migration20261202063227_consent_request_message';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent" add "message" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "message";`);
  }

}
