import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`study_groups_links\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`study_groups_links_order_idx\` ON \`study_groups_links\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_links_parent_id_idx\` ON \`study_groups_links\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`study_groups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'topic-study' NOT NULL,
  	\`status\` text DEFAULT 'recruiting' NOT NULL,
  	\`parent_id\` integer,
  	\`description\` text,
  	\`rules_cadence\` text DEFAULT 'weekly' NOT NULL,
  	\`rules_session_weekday\` text,
  	\`rules_session_time\` text DEFAULT '20:00',
  	\`rules_deadline_weekday\` text,
  	\`rules_deadline_time\` text DEFAULT '23:59:59',
  	\`rules_time_zone\` text DEFAULT 'Asia/Seoul' NOT NULL,
  	\`rules_passes_per_member\` numeric DEFAULT 0,
  	\`rules_at_risk_misses\` numeric DEFAULT 3,
  	\`rules_presentations_required\` integer DEFAULT false,
  	\`rules_deposit\` numeric,
  	\`rules_fine_per_miss\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`study_groups_slug_idx\` ON \`study_groups\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_status_idx\` ON \`study_groups\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_parent_idx\` ON \`study_groups\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_updated_at_idx\` ON \`study_groups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_created_at_idx\` ON \`study_groups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`study_groups_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`study_groups_rels_order_idx\` ON \`study_groups_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_rels_parent_idx\` ON \`study_groups_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_rels_path_idx\` ON \`study_groups_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`study_groups_rels_users_id_idx\` ON \`study_groups_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`cohorts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`group_id\` integer NOT NULL,
  	\`label\` text NOT NULL,
  	\`number\` numeric,
  	\`status\` text DEFAULT 'planned' NOT NULL,
  	\`start_date\` text NOT NULL,
  	\`end_date\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`cohorts_group_idx\` ON \`cohorts\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`cohorts_updated_at_idx\` ON \`cohorts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cohorts_created_at_idx\` ON \`cohorts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`members\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`display_name\` text NOT NULL,
  	\`handle\` text,
  	\`blog_url\` text,
  	\`github\` text,
  	\`bio\` text,
  	\`email\` text,
  	\`phone\` text,
  	\`user_id\` integer,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`members_handle_idx\` ON \`members\` (\`handle\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`members_email_idx\` ON \`members\` (\`email\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`members_user_idx\` ON \`members\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`members_created_by_idx\` ON \`members\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`members_updated_at_idx\` ON \`members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`members_created_at_idx\` ON \`members\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`memberships\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`cohort_id\` integer NOT NULL,
  	\`group_id\` integer,
  	\`role\` text DEFAULT 'member' NOT NULL,
  	\`status\` text DEFAULT 'active' NOT NULL,
  	\`joined_at\` text,
  	\`left_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`cohort_id\`) REFERENCES \`cohorts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`memberships_member_idx\` ON \`memberships\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`memberships_cohort_idx\` ON \`memberships\` (\`cohort_id\`);`)
  await db.run(sql`CREATE INDEX \`memberships_group_idx\` ON \`memberships\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`memberships_status_idx\` ON \`memberships\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`memberships_updated_at_idx\` ON \`memberships\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`memberships_created_at_idx\` ON \`memberships\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`member_cohort_idx\` ON \`memberships\` (\`member_id\`,\`cohort_id\`);`)
  await db.run(sql`CREATE TABLE \`study_sessions_attendance\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`membership_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'present' NOT NULL,
  	FOREIGN KEY (\`membership_id\`) REFERENCES \`memberships\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`study_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`study_sessions_attendance_order_idx\` ON \`study_sessions_attendance\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_attendance_parent_id_idx\` ON \`study_sessions_attendance\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_attendance_membership_idx\` ON \`study_sessions_attendance\` (\`membership_id\`);`)
  await db.run(sql`CREATE TABLE \`study_sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`cohort_id\` integer NOT NULL,
  	\`group_id\` integer,
  	\`number\` numeric NOT NULL,
  	\`date\` text NOT NULL,
  	\`deadline\` text,
  	\`topic\` text,
  	\`place\` text,
  	\`online_url\` text,
  	\`notes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`cohort_id\`) REFERENCES \`cohorts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`study_groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`study_sessions_cohort_idx\` ON \`study_sessions\` (\`cohort_id\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_group_idx\` ON \`study_sessions\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_date_idx\` ON \`study_sessions\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_updated_at_idx\` ON \`study_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_created_at_idx\` ON \`study_sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`cohort_number_idx\` ON \`study_sessions\` (\`cohort_id\`,\`number\`);`)
  await db.run(sql`CREATE TABLE \`study_sessions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`memberships_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`study_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`memberships_id\`) REFERENCES \`memberships\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`study_sessions_rels_order_idx\` ON \`study_sessions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_rels_parent_idx\` ON \`study_sessions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_rels_path_idx\` ON \`study_sessions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`study_sessions_rels_memberships_id_idx\` ON \`study_sessions_rels\` (\`memberships_id\`);`)
  await db.run(sql`CREATE TABLE \`submissions\` (
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
  await db.run(sql`CREATE INDEX \`submissions_membership_idx\` ON \`submissions\` (\`membership_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_session_idx\` ON \`submissions\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_post_idx\` ON \`submissions\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_submitted_at_idx\` ON \`submissions\` (\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_group_idx\` ON \`submissions\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_member_user_idx\` ON \`submissions\` (\`member_user_id\`);`)
  await db.run(sql`CREATE INDEX \`submissions_updated_at_idx\` ON \`submissions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`submissions_created_at_idx\` ON \`submissions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`membership_session_idx\` ON \`submissions\` (\`membership_id\`,\`session_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`study_groups_id\` integer REFERENCES study_groups(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`cohorts_id\` integer REFERENCES cohorts(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`members_id\` integer REFERENCES members(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`memberships_id\` integer REFERENCES memberships(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`study_sessions_id\` integer REFERENCES study_sessions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`submissions_id\` integer REFERENCES submissions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_study_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`study_groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_cohorts_id_idx\` ON \`payload_locked_documents_rels\` (\`cohorts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_memberships_id_idx\` ON \`payload_locked_documents_rels\` (\`memberships_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_study_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`study_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_submissions_id_idx\` ON \`payload_locked_documents_rels\` (\`submissions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`study_groups_links\`;`)
  await db.run(sql`DROP TABLE \`study_groups\`;`)
  await db.run(sql`DROP TABLE \`study_groups_rels\`;`)
  await db.run(sql`DROP TABLE \`cohorts\`;`)
  await db.run(sql`DROP TABLE \`members\`;`)
  await db.run(sql`DROP TABLE \`memberships\`;`)
  await db.run(sql`DROP TABLE \`study_sessions_attendance\`;`)
  await db.run(sql`DROP TABLE \`study_sessions\`;`)
  await db.run(sql`DROP TABLE \`study_sessions_rels\`;`)
  await db.run(sql`DROP TABLE \`submissions\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`retrospective_areas_id\`) REFERENCES \`retrospective_areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`retrospectives_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "tags_id", "series_id", "posts_id", "retrospective_areas_id", "retrospectives_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "tags_id", "series_id", "posts_id", "retrospective_areas_id", "retrospectives_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
}
