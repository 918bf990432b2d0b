import { Migration } from '@mikro-orm/migrations';

export class Migration20261123113030_declaration_body extends Migration {

  override name = 'Migration20261123113030_declaration_body';

  override up(): void | Promise<void> {
    this.addSql(`create table "consent_attachment" ("id" uuid not null, "consent_id" uuid not null, "file_name" varchar(200) not null, "media_type" varchar(50) not null, "size" int not null, "sha256" varchar(64) not null, "content" bytea not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "consent_attachment_consent_id_index" on "consent_attachment" ("consent_id");`);

    this.addSql(`alter table "consent" add "kind" varchar(20) not null default 'CONSENT', add "third_party_id" uuid null, add "signers" varchar(20) not null default 'CITIZEN', add "signing_level" varchar(20) not null default 'SUBSTANTIAL', add "replaces_consent_id" uuid null, add "answers" jsonb null, add "signatures" jsonb not null default '[]', add "fixed_valid_to" timestamptz null;`);
    this.addSql(`create index "consent_replaces_consent_id_index" on "consent" ("replaces_consent_id");`);
    // Consents snapshotted before bodies carried every text keep working: the missing texts say so plainly.
    this.addSql(`update "consent" set "body" = jsonb_build_object(
      'dataCovered', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'partiesCovered', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'consequencesOfYes', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'consequencesOfNo', '{"da":"Ikke angivet i denne version.","en":"Not stated in this version."}'::jsonb,
      'howToWithdraw', '{"da":"Du kan trække samtykket tilbage når som helst på samtykke-siden.","en":"You can withdraw the consent at any time on the consent page."}'::jsonb,
      'choices', '[]'::jsonb
    ) || "body";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consent_attachment" cascade;`);

    this.addSql(`drop index "consent_replaces_consent_id_index";`);
    this.addSql(`alter table "consent" drop column "kind", drop column "third_party_id", drop column "signers", drop column "signing_level", drop column "replaces_consent_id", drop column "answers", drop column "signatures", drop column "fixed_valid_to";`);
  }

}
