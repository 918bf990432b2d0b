import { Migration } from '@mikro-orm/migrations';

export class Migration20261202163035_due_indexes extends Migration {

  override name = 'Migration20261202163035_due_indexes';

  // The migrations run in one transaction, so these builds hold writes to the consent table back
  // while they run (about a minute at ten million consents). On a large store, build them first with
  // `create index concurrently` under the same names; then this migration leaves them as they are.

  override up(): void | Promise<void> {
    this.addSql(`create index if not exists consent_hand_over_due_index on consent (subject_comes_of_age_on) where signers = 'CUSTODY_HOLDERS' and handed_over_at is null;`);
    this.addSql(`create index if not exists consent_answer_due_index on consent (answer_by) where status = 'REQUESTED';`);
    this.addSql(`create index if not exists consent_expiry_due_index on consent (valid_to) where status in ('ACTIVE', 'PAUSED');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "consent_hand_over_due_index";`);
    this.addSql(`drop index if exists "consent_answer_due_index";`);
    this.addSql(`drop index if exists "consent_expiry_due_index";`);
  }

}
