import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105812_consent_channel extends Migration {

  override name = 'Migration20261123105812_consent_channel';

  override up(): void | Promise<void> {
    this.addSql(`create type "consent_channel" as enum ('DIGITAL', 'ON_BEHALF', 'PAPER', 'API');`);
    this.addSql(`alter table "consent" add "channel" "consent_channel" null, add "attestation" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "channel", drop column "attestation";`);

    this.addSql(`drop type "consent_channel";`);
  }

}
