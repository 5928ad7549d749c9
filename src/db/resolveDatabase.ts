import fs from 'node:fs'
import { createClient } from '@libsql/client'

export const DEFAULT_SQLITE_URL = 'file:./data/devlog.db'
/**
 * Production's own default file: `npm run dev` pushes its schema into the development file, and
 * a production server (which applies migrations) cannot take that one over without losing data.
 */
export const DEFAULT_PRODUCTION_SQLITE_URL = 'file:./data/devlog-production.db'

export type DatabaseTarget = { kind: 'sqlite'; url: string } | { kind: 'mongodb'; url: string }

export class DatabaseConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseConfigError'
  }
}

/**
 * Decides which Payload adapter a `DATABASE_URI` asks for. Pure, so that every branch is unit
 * tested without touching a database.
 */
export function resolveDatabase(uri: string | undefined, { production = false } = {}): DatabaseTarget {
  const trimmed = uri?.trim()
  if (!trimmed) return { kind: 'sqlite', url: production ? DEFAULT_PRODUCTION_SQLITE_URL : DEFAULT_SQLITE_URL }
  if (trimmed.startsWith('file:')) {
    if (trimmed === 'file:')
      throw new DatabaseConfigError('DATABASE_URI "file:" names no file; use e.g. file:./data/devlog.db')
    return { kind: 'sqlite', url: trimmed }
  }
  if (trimmed.startsWith('mongodb://') || trimmed.startsWith('mongodb+srv://')) {
    return { kind: 'mongodb', url: trimmed }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]
  throw new DatabaseConfigError(
    `DATABASE_URI has an unsupported scheme${scheme ? ` "${scheme}:"` : ''}. ` +
      'Accepted: file: (SQLite, the default when unset), mongodb:// or mongodb+srv:// (MongoDB).',
  )
}

/** The folder a `file:` URL lives in, so it can be created before SQLite opens the file. */
export function sqliteDirectory(url: string): string | null {
  const path = url.replace(/^file:(\/\/)?/, '').split('?')[0]
  if (!path || path === ':memory:') return null
  const slash = path.lastIndexOf('/')
  return slash > 0 ? path.slice(0, slash) : null
}

/** The file a `file:` URL names, as a path. */
export function sqliteFile(url: string): string | null {
  const file = url.replace(/^file:(\/\/)?/, '').split('?')[0]
  return !file || file === ':memory:' ? null : file
}

const SQLITE_HEADER = 'SQLite format 3\u0000'

/**
 * Before a server opens an SQLite file: in production its folder must already exist (a missing
 * folder is a wrong path or an unmounted volume, and would silently start an empty site), and an
 * existing file must be an SQLite database.
 */
export function checkSqliteFile(url: string, { production }: { production: boolean }): void {
  const file = sqliteFile(url)
  if (!file) return
  const directory = sqliteDirectory(url) ?? '.'
  if (production && !fs.existsSync(directory)) {
    throw new DatabaseConfigError(
      `DATABASE_URI names ${file}, but the folder ${directory} does not exist (production never creates it: check the path or the volume).`,
    )
  }
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return
  const header = Buffer.alloc(SQLITE_HEADER.length)
  const descriptor = fs.openSync(file, 'r')
  try {
    fs.readSync(descriptor, header, 0, header.length, 0)
  } finally {
    fs.closeSync(descriptor)
  }
  if (header.toString('latin1') !== SQLITE_HEADER)
    throw new DatabaseConfigError(
      `DATABASE_URI names ${file}, which is not an SQLite database (corrupt or another kind of file).`,
    )
}

/** Where an SQLite file's schema came from: pushed by development, applied by migrations, or none yet. */
async function schemaSource(url: string): Promise<'pushed' | 'migrated' | 'none'> {
  const file = sqliteFile(url)
  if (!file || !fs.existsSync(file) || fs.statSync(file).size === 0) return 'none'
  const client = createClient({ url })
  try {
    const { rows: tables } = await client.execute(
      "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'",
    )
    if (tables.length === 0) return 'none'
    // Payload's schema push marks the file with a `dev` migration of batch -1.
    const { rows: pushed } = await client.execute('SELECT 1 FROM payload_migrations WHERE batch = -1 LIMIT 1')
    return pushed.length > 0 ? 'pushed' : 'migrated'
  } finally {
    client.close()
  }
}

/**
 * Development pushes its schema into the file; production applies migrations. Neither can take
 * over the other's database: production would first have to drop what the push made (Payload
 * asks, at a prompt no server has), and a push into a migrated database fails half-way.
 */
export async function checkSchemaSource(url: string, { production }: { production: boolean }): Promise<void> {
  const source = await schemaSource(url)
  const file = sqliteFile(url)
  if (production && source === 'pushed')
    throw new DatabaseConfigError(
      `DATABASE_URI names ${file}, which \`npm run dev\` built (schema pushed, not migrated); give production a database of its own (unset DATABASE_URI for ${sqliteFile(DEFAULT_PRODUCTION_SQLITE_URL)}).`,
    )
  if (!production && source === 'migrated')
    throw new DatabaseConfigError(
      `DATABASE_URI names ${file}, a production database (schema from migrations); development would push its schema into it. Run as production does (NODE_ENV=production with its PAYLOAD_SECRET), or point DATABASE_URI at a development file.`,
    )
}

/** An SQLite failure that means the file itself is damaged, as one line naming it. */
export function damagedDatabase(error: unknown, url: string): DatabaseConfigError | null {
  const text = `${(error as { code?: string })?.code ?? ''} ${error instanceof Error ? error.message : String(error)}`
  return /SQLITE_(CORRUPT|NOTADB)|malformed|not a database/i.test(text)
    ? new DatabaseConfigError(
        `DATABASE_URI names ${sqliteFile(url)}, which is damaged (${text.trim().split('\n')[0].slice(0, 120)}).`,
      )
    : null
}
