import { Migration } from '@mikro-orm/migrations';

export class Migration20261203141000_young_person_signers extends Migration {

  override name = 'Migration20261203141000_young_person_signers';

  override up(): void | Promise<void> {
    this.addSql(`alter table "consent" alter column "signers" type varchar(40) using ("signers"::varchar(40));`);
    this.addSql(`alter table "consent" add "subject_turns_fifteen_on" date null, add "inform_on_answer_ids" jsonb not null default '[]';`);
    this.addSql(`drop index if exists "consent_hand_over_due_index";`);
    this.addSql(`create index consent_hand_over_due_index on consent (subject_comes_of_age_on) where handed_over_at is null and subject_comes_of_age_on is not null;`);
    this.addSql(`create index consent_fifteen_due_index on consent (subject_turns_fifteen_on) where status = 'REQUESTED' and subject_turns_fifteen_on is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "consent_fifteen_due_index";`);
    this.addSql(`drop index if exists "consent_hand_over_due_index";`);
    this.addSql(`create index consent_hand_over_due_index on consent (subject_comes_of_age_on) where signers = 'CUSTODY_HOLDERS' and handed_over_at is null;`);
    this.addSql(`alter table "consent" drop column "subject_turns_fifteen_on", drop column "inform_on_answer_ids";`);
  }

}
