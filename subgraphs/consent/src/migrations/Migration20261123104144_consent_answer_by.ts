import { Migration } from '@mikro-orm/migrations';

export class Migration20261123104144_consent_answer_by extends Migration {

  override name = 'Migration20261123104144_consent_answer_by';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent" add "answer_by" timestamptz null;`);
    this.addSql(`create index "consent_authority_id_case_reference_index" on "consent" ("authority_id", "case_reference");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "consent_authority_id_case_reference_index";`);
    this.addSql(`alter table "consent" drop column "answer_by";`);
  }

}
