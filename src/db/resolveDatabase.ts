export const DEFAULT_SQLITE_URL = 'file:./data/devlog.db'

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
export function resolveDatabase(uri: string | undefined): DatabaseTarget {
  const trimmed = uri?.trim()
  if (!trimmed) return { kind: 'sqlite', url: DEFAULT_SQLITE_URL }
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
