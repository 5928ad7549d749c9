import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`retrospectives_rels\` ADD \`study_groups_id\` integer REFERENCES study_groups(id);`)
  await db.run(sql`ALTER TABLE \`retrospectives_rels\` ADD \`cohorts_id\` integer REFERENCES cohorts(id);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_study_groups_id_idx\` ON \`retrospectives_rels\` (\`study_groups_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_cohorts_id_idx\` ON \`retrospectives_rels\` (\`cohorts_id\`);`)
  await db.run(sql`ALTER TABLE \`_retrospectives_v_rels\` ADD \`study_groups_id\` integer REFERENCES study_groups(id);`)
  await db.run(sql`ALTER TABLE \`_retrospectives_v_rels\` ADD \`cohorts_id\` integer REFERENCES cohorts(id);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_study_groups_id_idx\` ON \`_retrospectives_v_rels\` (\`study_groups_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_cohorts_id_idx\` ON \`_retrospectives_v_rels\` (\`cohorts_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_retrospectives_rels\` (
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
  await db.run(sql`INSERT INTO \`__new_retrospectives_rels\`("id", "order", "parent_id", "path", "tags_id", "posts_id") SELECT "id", "order", "parent_id", "path", "tags_id", "posts_id" FROM \`retrospectives_rels\`;`)
  await db.run(sql`DROP TABLE \`retrospectives_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_retrospectives_rels\` RENAME TO \`retrospectives_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_order_idx\` ON \`retrospectives_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_parent_idx\` ON \`retrospectives_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_path_idx\` ON \`retrospectives_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_tags_id_idx\` ON \`retrospectives_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`retrospectives_rels_posts_id_idx\` ON \`retrospectives_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__retrospectives_v_rels\` (
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
  await db.run(sql`INSERT INTO \`__new__retrospectives_v_rels\`("id", "order", "parent_id", "path", "tags_id", "posts_id") SELECT "id", "order", "parent_id", "path", "tags_id", "posts_id" FROM \`_retrospectives_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_retrospectives_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__retrospectives_v_rels\` RENAME TO \`_retrospectives_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_order_idx\` ON \`_retrospectives_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_parent_idx\` ON \`_retrospectives_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_path_idx\` ON \`_retrospectives_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_tags_id_idx\` ON \`_retrospectives_v_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_rels_posts_id_idx\` ON \`_retrospectives_v_rels\` (\`posts_id\`);`)
}
