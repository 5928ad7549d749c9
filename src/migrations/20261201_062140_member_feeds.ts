import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`member_feed_items\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`identity\` text NOT NULL,
  	\`guid\` text,
  	\`link\` text,
  	\`title\` text,
  	\`published_at\` text,
  	\`first_seen_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`member_feed_items_member_idx\` ON \`member_feed_items\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`member_feed_items_link_idx\` ON \`member_feed_items\` (\`link\`);`)
  await db.run(sql`CREATE INDEX \`member_feed_items_first_seen_at_idx\` ON \`member_feed_items\` (\`first_seen_at\`);`)
  await db.run(sql`CREATE INDEX \`member_feed_items_updated_at_idx\` ON \`member_feed_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`member_feed_items_created_at_idx\` ON \`member_feed_items\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`member_identity_idx\` ON \`member_feed_items\` (\`member_id\`,\`identity\`);`)
  await db.run(sql`CREATE TABLE \`member_feed_items_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`submissions_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`member_feed_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`submissions_id\`) REFERENCES \`submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`member_feed_items_rels_order_idx\` ON \`member_feed_items_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`member_feed_items_rels_parent_idx\` ON \`member_feed_items_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`member_feed_items_rels_path_idx\` ON \`member_feed_items_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`member_feed_items_rels_submissions_id_idx\` ON \`member_feed_items_rels\` (\`submissions_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_url\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_url\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_discovered_from\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_etag\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_last_modified\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_last_checked_at\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_last_success_at\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_items_seen\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`feed_status_last_error\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`reminders_opt_out\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`source\` text DEFAULT 'manual';`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`review\` text;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`first_seen_at\` text;`)
  await db.run(sql`ALTER TABLE \`submissions\` ADD \`feed_item_id\` integer REFERENCES member_feed_items(id);`)
  await db.run(sql`CREATE INDEX \`submissions_review_idx\` ON \`submissions\` (\`review\`);`)
  await db.run(sql`CREATE INDEX \`submissions_feed_item_idx\` ON \`submissions\` (\`feed_item_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`member_feed_items_id\` integer REFERENCES member_feed_items(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_member_feed_items_id_idx\` ON \`payload_locked_documents_rels\` (\`member_feed_items_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`member_feed_items\`;`)
  await db.run(sql`DROP TABLE \`member_feed_items_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_submissions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`membership_id\` integer NOT NULL,
  	\`session_id\` integer NOT NULL,
  	\`title\` text,
  	\`url\` text,
  	\`post_id\` integer,
  	\`submitted_at\` text NOT NULL,
  	\`group_id\` integer,
  	\`member_user_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`membership_id\`) REFERENCES \`memberships\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`study_sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_submissions\`("id", "membership_id", "session_id", "title", "url", "post_id", "submitted_at", "group_id", "member_user_id", "updated_at", "created_at") SELECT "id", "membership_id", "session_id", "title", "url", "post_id", "submitted_at", "group_id", "member_user_id", "updated_at", "created_at" FROM \`submissions\`;`)
  await db.run(sql`DROP TABLE \`submissions\`;`)
  await db.run(sql`ALTER TABLE \`__new_submissions\` RENAME TO \`submissions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`submissions_membership_idx\` ON \`submissions\` (\`membership_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_session_idx\` ON \`submissions\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_post_idx\` ON \`submissions\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_submitted_at_idx\` ON \`submissions\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_group_idx\` ON \`submissions\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_member_user_idx\` ON \`submissions\` (\`member_user_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_updated_at_idx\` ON \`submissions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_created_at_idx\` ON \`submissions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`membership_session_idx\` ON \`submissions\` (\`membership_id\`,\`session_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	\`tags_id\` integer,
  	\`series_id\` integer,
  	\`posts_id\` integer,
  	\`retrospective_areas_id\` integer,
  	\`retrospectives_id\` integer,
  	\`study_groups_id\` integer,
  	\`cohorts_id\` integer,
  	\`members_id\` integer,
  	\`memberships_id\` integer,
  	\`study_sessions_id\` integer,
  	\`submissions_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`search_index_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`retrospective_areas_id\`) REFERENCES \`retrospective_areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`retrospectives_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`study_groups_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`cohorts_id\`) REFERENCES \`cohorts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`memberships_id\`) REFERENCES \`memberships\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`study_sessions_id\`) REFERENCES \`study_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`submissions_id\`) REFERENCES \`submissions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_index_id\`) REFERENCES \`search_index\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "tags_id", "series_id", "posts_id", "retrospective_areas_id", "retrospectives_id", "study_groups_id", "cohorts_id", "members_id", "memberships_id", "study_sessions_id", "submissions_id", "webhooks_id", "webhook_deliveries_id", "search_index_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "tags_id", "series_id", "posts_id", "retrospective_areas_id", "retrospectives_id", "study_groups_id", "cohorts_id", "members_id", "memberships_id", "study_sessions_id", "submissions_id", "webhooks_id", "webhook_deliveries_id", "search_index_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_series_id_idx\` ON \`payload_locked_documents_rels\` (\`series_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_retrospective_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`retrospective_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_retrospectives_id_idx\` ON \`payload_locked_documents_rels\` (\`retrospectives_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_study_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`study_groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cohorts_id_idx\` ON \`payload_locked_documents_rels\` (\`cohorts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_memberships_id_idx\` ON \`payload_locked_documents_rels\` (\`memberships_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_study_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`study_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_submissions_id_idx\` ON \`payload_locked_documents_rels\` (\`submissions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_index_id_idx\` ON \`payload_locked_documents_rels\` (\`search_index_id\`);`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_url\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_url\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_discovered_from\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_etag\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_last_modified\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_last_checked_at\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_last_success_at\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_items_seen\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`feed_status_last_error\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`reminders_opt_out\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
