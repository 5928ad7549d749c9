import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { mongodbCompatibility } from '../env'
import { projectRoot } from '../lib/projectRoot'
import { migrations } from '../migrations'
import { countFullPagesOnly } from './countFullPagesOnly'
import { resolveDatabase, sqliteDirectory, sqliteFile } from './resolveDatabase'
import { cacheSqliteStatements } from './sqliteStatementCache'
import { serialiseSqliteWrites } from './sqliteWrites'

const SQLITE_BUSY_TIMEOUT_MS = 5_000
const WRITE_QUEUE_TIMEOUT_MS = 30_000

export const migrationDir = path.join(projectRoot(import.meta.url), 'src/migrations')

/**
 * The adapter for `DATABASE_URI`, whose driver alone is loaded (Mongoose and the MongoDB driver
 * would add about 0.15 s to a SQLite server's start). SQLite applies the committed migrations at
 * startup in production (`prodMigrations`); in development Drizzle pushes the schema directly.
 * SQLite runs every write in a transaction (Payload leaves them off by default), so a save whose
 * later step fails leaves nothing behind; `serialiseSqliteWrites` says how concurrent writes are
 * kept apart.
 */
export async function databaseAdapter(uri: string | undefined = process.env.DATABASE_URI): Promise<DatabaseAdapterObj> {
  const target = resolveDatabase(uri, { production: process.env.NODE_ENV === 'production' })
  if (target.kind === 'mongodb') {
    // FerretDB has no `$lookup`: join fields are filled with queries of their own instead.
    // Transactions follow the URL: the adapter uses them only with a `replicaSet` in it.
    const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
    return countFullPagesOnly(
      mongooseAdapter({ url: target.url, useJoinAggregations: mongodbCompatibility() === 'mongodb' }),
    )
  }
  // Development creates the folder; a production server refuses a missing one (`checkSqliteFile`).
  const directory = sqliteDirectory(target.url)
  if (directory && process.env.NODE_ENV !== 'production') fs.mkdirSync(directory, { recursive: true })
  const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
  cacheSqliteStatements()
  const adapter = serialiseSqliteWrites(
    sqliteAdapter({
      client: { url: target.url },
      migrationDir,
      prodMigrations: migrations,
      // libsql begins every transaction with BEGIN IMMEDIATE, so writers contend for the lock at
      // the start, where the busy timeout applies, rather than failing while upgrading a read.
      transactionOptions: {},
      busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    }),
    { busyTimeoutMs: SQLITE_BUSY_TIMEOUT_MS, queueTimeoutMs: WRITE_QUEUE_TIMEOUT_MS, file: sqliteFile(target.url) },
  )
  return countFullPagesOnly(adapter)
}
