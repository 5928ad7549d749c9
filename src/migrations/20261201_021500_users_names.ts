import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Accounts are now shown by name in pickers (authors, operators); one without a name gets its
// email's local part, as new accounts do. Data only: the schema is unchanged.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`UPDATE \`users\` SET \`name\` = substr(\`email\`, 1, instr(\`email\`, '@') - 1) WHERE (\`name\` IS NULL OR trim(\`name\`) = '') AND instr(\`email\`, '@') > 1;`,
  )
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The names stay: nothing tells a filled-in name from one typed by hand.
}
