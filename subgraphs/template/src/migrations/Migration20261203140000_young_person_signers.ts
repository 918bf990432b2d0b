import { Migration } from '@mikro-orm/migrations';

export class Migration20261203140000_young_person_signers extends Migration {

  override name = 'Migration20261203140000_young_person_signers';

  override up(): void | Promise<void> {
    this.addSql(`alter type "template_signers" add value if not exists 'YOUNG_PERSON_FROM_15';`);
    this.addSql(`alter type "template_signers" add value if not exists 'YOUNG_PERSON_AND_CUSTODY_HOLDERS';`);
    this.addSql(`alter table "consent_template" add "inform_custody_holders" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent_template" drop column "inform_custody_holders";`);
  }

}
