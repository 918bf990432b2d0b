import { Migration } from '@mikro-orm/migrations';

export class Migration20261123121846_givers_and_event_actors extends Migration {

  override name = 'Migration20261123121846_givers_and_event_actors';

  override up(): void | Promise<void> {
    this.addSql(`create type "consent_actor_kind" as enum ('CITIZEN', 'CASEWORKER', 'CASE_SYSTEM', 'PLATFORM');`);
    this.addSql(`alter table "consent" add "required_signer_ids" jsonb not null default '[]', add "subject_comes_of_age_on" date null, add "handed_over_at" timestamptz null;`);
    // Consents made before givers were recorded were the subject's own to give.
    this.addSql(`update "consent" set "required_signer_ids" = jsonb_build_array("subject_id"::text) where "signers" = 'CITIZEN';`);

    this.addSql(`alter table "consent_event" add "actor_kind" "consent_actor_kind" not null default 'PLATFORM', add "actor_id" uuid null, add "on_behalf_of_id" uuid null, add "channel" varchar(20) null, add "reason" varchar(1000) null, add "assurance_level" varchar(20) null, add "login_transaction_id" varchar(200) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "consent" drop column "required_signer_ids", drop column "subject_comes_of_age_on", drop column "handed_over_at";`);

    this.addSql(`alter table "consent_event" drop column "actor_kind", drop column "actor_id", drop column "on_behalf_of_id", drop column "channel", drop column "reason", drop column "assurance_level", drop column "login_transaction_id";`);

    this.addSql(`drop type "consent_actor_kind";`);
  }

}
