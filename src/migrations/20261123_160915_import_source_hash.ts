import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`posts\` ADD \`source_hash\` text;`)
  await db.run(sql`CREATE INDEX \`posts_source_hash_idx\` ON \`posts\` (\`source_hash\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_source_hash\` text;`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_source_hash_idx\` ON \`_posts_v\` (\`version_source_hash\`);`)
  await db.run(sql`ALTER TABLE \`retrospectives\` ADD \`source_hash\` text;`)
  await db.run(sql`CREATE INDEX \`retrospectives_source_hash_idx\` ON \`retrospectives\` (\`source_hash\`);`)
  await db.run(sql`ALTER TABLE \`_retrospectives_v\` ADD \`version_source_hash\` text;`)
  await db.run(sql`CREATE INDEX \`_retrospectives_v_version_version_source_hash_idx\` ON \`_retrospectives_v\` (\`version_source_hash\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`posts_source_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`source_hash\`;`)
  await db.run(sql`DROP INDEX \`_posts_v_version_version_source_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` DROP COLUMN \`version_source_hash\`;`)
  await db.run(sql`DROP INDEX \`retrospectives_source_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`retrospectives\` DROP COLUMN \`source_hash\`;`)
  await db.run(sql`DROP INDEX \`_retrospectives_v_version_version_source_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`_retrospectives_v\` DROP COLUMN \`version_source_hash\`;`)
}
