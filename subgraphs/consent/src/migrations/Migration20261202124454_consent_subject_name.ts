import { Migration } from '@mikro-orm/migrations';

export class Migration20261202124454_consent_subject_name extends Migration {

  override name = 'Migration20261202124454_consent_subject_name';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent" add "subject_name" varchar(200) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "subject_name";`);
  }

}
