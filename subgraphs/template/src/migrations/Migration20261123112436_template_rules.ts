import { Migration } from '@mikro-orm/migrations';

export class Migration20261123112436_template_rules extends Migration {

  override name = 'Migration20261123112436_template_rules';

  override up(): void | Promise<void> {
    this.addSql(`create type "template_signers" as enum ('CITIZEN', 'CUSTODY_HOLDERS');`);
    this.addSql(`create type "assurance_level" as enum ('LOW', 'SUBSTANTIAL', 'HIGH');`);
    this.addSql(`alter table "consent_template" add "fixed_valid_to" timestamptz null, add "bound_to_case" boolean not null default false, add "signers" "template_signers" not null default 'CITIZEN', add "signing_level" "assurance_level" not null default 'SUBSTANTIAL', add "third_party_id" uuid null;`);
    // Versions written before templates carried every text keep working: the missing texts say so plainly.
    this.addSql(`update "consent_template" set "content" = jsonb_build_object(
      'dataCovered', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'partiesCovered', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'consequencesOfYes', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'consequencesOfNo', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'howToWithdraw', '{"da":"Du kan trække samtykket tilbage når som helst på samtykke-siden.","en":"You can withdraw the consent at any time on the consent page."}'::jsonb,
      'choices', '[]'::jsonb
    ) || "content";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent_template" drop column "fixed_valid_to", drop column "bound_to_case", drop column "signers", drop column "signing_level", drop column "third_party_id";`);

    this.addSql(`drop type "template_signers";`);
    this.addSql(`drop type "assurance_level";`);
  }

}
