import { Migration } from '@mikro-orm/migrations';

export class Migration20261203123000_request_follow_up extends Migration {

  override name = 'Migration20261203123000_request_follow_up';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent_template" add "reminder_after_days" int null, add "follow_up_after_days" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent_template" drop column "reminder_after_days", drop column "follow_up_after_days";`);
  }

}
