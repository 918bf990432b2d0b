import { Migration } from '@mikro-orm/migrations';

export class Migration20261202113013_event_positions extends Migration {

  override name = 'Migration20261202113013_event_positions';

  override up(): void | Promise<void> {
    // Events written so far committed in id order under the old log lock: they stand at transaction 0,
    // where a bare id cursor points (domain/event-position.ts). A constant default writes no row.
    this.addSql(`alter table "consent_event" add "xid" bigint not null default 0;`);
    this.addSql(`alter table "consent_event" alter column "xid" set default ((pg_current_xact_id())::text)::bigint;`);
    this.addSql(`create index "consent_event_xid_id_index" on "consent_event" ("xid", "id");`);

    this.addSql(`alter table "mailbox_cursor" alter column "cursor" type varchar(41) using ('0.' || "cursor");`);

    this.addSql(`alter table "webhook_subscription" alter column "cursor" type varchar(41) using ('0.' || "cursor");`);
    this.addSql(`alter table "webhook_subscription" alter column "cursor" set default '0.0';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "consent_event_xid_id_index";`);
    this.addSql(`alter table "consent_event" drop column "xid";`);

    this.addSql(`alter table "mailbox_cursor" alter column "cursor" type int8 using (split_part("cursor", '.', 2)::int8);`);

    this.addSql(`alter table "webhook_subscription" alter column "cursor" type int8 using (split_part("cursor", '.', 2)::int8);`);
    this.addSql(`alter table "webhook_subscription" alter column "cursor" set default '0';`);
  }

}
