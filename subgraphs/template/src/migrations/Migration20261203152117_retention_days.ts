import { Migration } from '@mikro-orm/migrations';

export class Migration20261203152117_retention_days extends Migration {

  override name = 'Migration20261203152117_retention_days';

  override up(): void | Promise<void> {
    // Versions made before retention was stated keep their kind's default (domain/retention.ts).
    this.addSql(`alter table "consent_template" add "retention_days" int null;`);
    this.addSql(`update "consent_template" set "retention_days" = case "kind" when 'OBJECTION' then 365 else 1095 end;`);
    this.addSql(`alter table "consent_template" alter column "retention_days" set not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent_template" drop column "retention_days";`);
  }

}
