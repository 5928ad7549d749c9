import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`retrospective_areas\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`name_en\` text,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`retrospective_areas_name_idx\` ON \`retrospective_areas\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`retrospective_areas_slug_idx\` ON \`retrospective_areas\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`retrospective_areas_updated_at_idx\` ON \`retrospective_areas\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`retrospective_areas_created_at_idx\` ON \`retrospective_areas\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`retrospectives_sections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`area_id\` integer,
  	\`body\` text,
  	FOREIGN KEY (\`area_id\`) REFERENCES \`retrospective_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`retrospectives_sections_order_idx\` ON \`retrospectives_sections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_sections_parent_id_idx\` ON \`retrospectives_sections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_sections_area_idx\` ON \`retrospectives_sections\` (\`area_id\`);`)
  await db.run(sql`CREATE TABLE \`retrospectives_goals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`area_id\` integer,
  	\`status\` text DEFAULT 'planned',
  	\`note\` text,
  	\`carried_from_retrospective_id\` integer,
  	\`carried_from_goal\` text,
  	FOREIGN KEY (\`area_id\`) REFERENCES \`retrospective_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`carried_from_retrospective_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`retrospectives_goals_order_idx\` ON \`retrospectives_goals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_goals_parent_id_idx\` ON \`retrospectives_goals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_goals_area_idx\` ON \`retrospectives_goals\` (\`area_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_goals_carried_from_retrospective_idx\` ON \`retrospectives_goals\` (\`carried_from_retrospective_id\`);`)
  await db.run(sql`CREATE TABLE \`retrospectives_principles\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`retrospectives_principles_order_idx\` ON \`retrospectives_principles\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_principles_parent_id_idx\` ON \`retrospectives_principles\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`retrospectives\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`language\` text,
  	\`period_kind\` text DEFAULT 'year',
  	\`period_year\` numeric,
  	\`period_index\` numeric,
  	\`period_start_date\` text,
  	\`period_end_date\` text,
  	\`excerpt\` text,
  	\`cover_image_id\` integer,
  	\`content_html\` text,
  	\`toc\` text,
  	\`reading_time\` numeric,
  	\`word_count\` numeric,
  	\`published_at\` text,
  	\`meta_title\` text,
  	\`meta_description\` text,
  	\`meta_image_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`retrospectives_slug_idx\` ON \`retrospectives\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_period_period_kind_idx\` ON \`retrospectives\` (\`period_kind\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_period_period_year_idx\` ON \`retrospectives\` (\`period_year\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_period_period_start_date_idx\` ON \`retrospectives\` (\`period_start_date\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_period_period_end_date_idx\` ON \`retrospectives\` (\`period_end_date\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_cover_image_idx\` ON \`retrospectives\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_published_at_idx\` ON \`retrospectives\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_meta_meta_image_idx\` ON \`retrospectives\` (\`meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_updated_at_idx\` ON \`retrospectives\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_created_at_idx\` ON \`retrospectives\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives__status_idx\` ON \`retrospectives\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`retrospectives_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`tags_id\` integer,
  	\`posts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_order_idx\` ON \`retrospectives_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_parent_idx\` ON \`retrospectives_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_path_idx\` ON \`retrospectives_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_tags_id_idx\` ON \`retrospectives_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_posts_id_idx\` ON \`retrospectives_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE TABLE \`_retrospectives_v_version_sections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`heading\` text,
  	\`area_id\` integer,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`area_id\`) REFERENCES \`retrospective_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_retrospectives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_sections_order_idx\` ON \`_retrospectives_v_version_sections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_sections_parent_id_idx\` ON \`_retrospectives_v_version_sections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_sections_area_idx\` ON \`_retrospectives_v_version_sections\` (\`area_id\`);`)
  await db.run(sql`CREATE TABLE \`_retrospectives_v_version_goals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`area_id\` integer,
  	\`status\` text DEFAULT 'planned',
  	\`note\` text,
  	\`carried_from_retrospective_id\` integer,
  	\`carried_from_goal\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`area_id\`) REFERENCES \`retrospective_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`carried_from_retrospective_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_retrospectives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_goals_order_idx\` ON \`_retrospectives_v_version_goals\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_goals_parent_id_idx\` ON \`_retrospectives_v_version_goals\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_goals_area_idx\` ON \`_retrospectives_v_version_goals\` (\`area_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_goals_carried_from_retrospecti_idx\` ON \`_retrospectives_v_version_goals\` (\`carried_from_retrospective_id\`);`)
  await db.run(sql`CREATE TABLE \`_retrospectives_v_version_principles\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_retrospectives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_principles_order_idx\` ON \`_retrospectives_v_version_principles\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_principles_parent_id_idx\` ON \`_retrospectives_v_version_principles\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_retrospectives_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_language\` text,
  	\`version_period_kind\` text DEFAULT 'year',
  	\`version_period_year\` numeric,
  	\`version_period_index\` numeric,
  	\`version_period_start_date\` text,
  	\`version_period_end_date\` text,
  	\`version_excerpt\` text,
  	\`version_cover_image_id\` integer,
  	\`version_content_html\` text,
  	\`version_toc\` text,
  	\`version_reading_time\` numeric,
  	\`version_word_count\` numeric,
  	\`version_published_at\` text,
  	\`version_meta_title\` text,
  	\`version_meta_description\` text,
  	\`version_meta_image_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`retrospectives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_meta_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_parent_idx\` ON \`_retrospectives_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_version_slug_idx\` ON \`_retrospectives_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_period_version_period_kind_idx\` ON \`_retrospectives_v\` (\`version_period_kind\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_period_version_period_year_idx\` ON \`_retrospectives_v\` (\`version_period_year\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_period_version_period_start_da_idx\` ON \`_retrospectives_v\` (\`version_period_start_date\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_period_version_period_end_date_idx\` ON \`_retrospectives_v\` (\`version_period_end_date\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_version_cover_image_idx\` ON \`_retrospectives_v\` (\`version_cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_version_published_at_idx\` ON \`_retrospectives_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_meta_version_meta_image_idx\` ON \`_retrospectives_v\` (\`version_meta_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_version_updated_at_idx\` ON \`_retrospectives_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_version_created_at_idx\` ON \`_retrospectives_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_version__status_idx\` ON \`_retrospectives_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_created_at_idx\` ON \`_retrospectives_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_updated_at_idx\` ON \`_retrospectives_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_latest_idx\` ON \`_retrospectives_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_autosave_idx\` ON \`_retrospectives_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`_retrospectives_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`tags_id\` integer,
  	\`posts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_retrospectives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_order_idx\` ON \`_retrospectives_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_parent_idx\` ON \`_retrospectives_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_path_idx\` ON \`_retrospectives_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_tags_id_idx\` ON \`_retrospectives_v_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_posts_id_idx\` ON \`_retrospectives_v_rels\` (\`posts_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`retrospective_areas_id\` integer REFERENCES retrospective_areas(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`retrospectives_id\` integer REFERENCES retrospectives(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_retrospective_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`retrospective_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_retrospectives_id_idx\` ON \`payload_locked_documents_rels\` (\`retrospectives_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`retrospective_areas\`;`)
  await db.run(sql`DROP TABLE \`retrospectives_sections\`;`)
  await db.run(sql`DROP TABLE \`retrospectives_goals\`;`)
  await db.run(sql`DROP TABLE \`retrospectives_principles\`;`)
  await db.run(sql`DROP TABLE \`retrospectives\`;`)
  await db.run(sql`DROP TABLE \`retrospectives_rels\`;`)
  await db.run(sql`DROP TABLE \`_retrospectives_v_version_sections\`;`)
  await db.run(sql`DROP TABLE \`_retrospectives_v_version_goals\`;`)
  await db.run(sql`DROP TABLE \`_retrospectives_v_version_principles\`;`)
  await db.run(sql`DROP TABLE \`_retrospectives_v\`;`)
  await db.run(sql`DROP TABLE \`_retrospectives_v_rels\`;`)
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`series_id\`) REFERENCES \`series\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "tags_id", "series_id", "posts_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "tags_id", "series_id", "posts_id" FROM \`payload_locked_documents_rels\`;`)
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
}
