import { Migration } from '@mikro-orm/migrations';

export class Migration20261203184856_authority_event_index extends Migration {

  override name = 'Migration20261203184856_authority_event_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "consent_event_authority_id_xid_id_index" on "consent_event" ("authority_id", "xid", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "consent_event_authority_id_xid_id_index";`);
  }

}
