import fs from 'node:fs'
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { projectRoot } from '../lib/projectRoot'
import { migrations } from '../migrations'
import { resolveDatabase, sqliteDirectory } from './resolveDatabase'

export const migrationDir = path.join(projectRoot(import.meta.url), 'src/migrations')

/**
 * The adapter for `DATABASE_URI`. SQLite applies the committed migrations at startup in
 * production (`prodMigrations`); in development Drizzle pushes the schema directly.
 */
export function databaseAdapter(uri: string | undefined = process.env.DATABASE_URI): DatabaseAdapterObj {
  const target = resolveDatabase(uri)
  if (target.kind === 'mongodb') {
    return mongooseAdapter({ url: target.url })
  }
  // Development creates the folder; a production server refuses a missing one (`checkSqliteFile`).
  const directory = sqliteDirectory(target.url)
  if (directory && process.env.NODE_ENV !== 'production') fs.mkdirSync(directory, { recursive: true })
  return sqliteAdapter({
    client: { url: target.url },
    migrationDir,
    prodMigrations: migrations,
  })
}
