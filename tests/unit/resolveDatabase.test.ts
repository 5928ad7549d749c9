import {
  DatabaseConfigError,
  DEFAULT_PRODUCTION_SQLITE_URL,
  DEFAULT_SQLITE_URL,
  resolveDatabase,
  sqliteDirectory,
} from '../../src/db/resolveDatabase'

describe('resolveDatabase', () => {
  it('uses the embedded SQLite file when DATABASE_URI is unset or blank', () => {
    expect(resolveDatabase(undefined)).toEqual({ kind: 'sqlite', url: DEFAULT_SQLITE_URL })
    expect(resolveDatabase('   ')).toEqual({ kind: 'sqlite', url: DEFAULT_SQLITE_URL })
    // Production has a file of its own, so `npm start` after `npm run dev` never meets a pushed schema.
    expect(resolveDatabase(undefined, { production: true })).toEqual({
      kind: 'sqlite',
      url: DEFAULT_PRODUCTION_SQLITE_URL,
    })
    expect(DEFAULT_PRODUCTION_SQLITE_URL).not.toBe(DEFAULT_SQLITE_URL)
  })

  it('uses SQLite for file: URIs', () => {
    expect(resolveDatabase('file:./data/blog.db')).toEqual({ kind: 'sqlite', url: 'file:./data/blog.db' })
    expect(resolveDatabase('file:/var/lib/devlog/devlog.db')).toEqual({
      kind: 'sqlite',
      url: 'file:/var/lib/devlog/devlog.db',
    })
  })

  it('uses MongoDB for mongodb:// and mongodb+srv:// URIs', () => {
    expect(resolveDatabase('mongodb://127.0.0.1:27017/devlog')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://127.0.0.1:27017/devlog',
    })
    expect(resolveDatabase('mongodb+srv://user:pw@cluster0.example.net/devlog')).toEqual({
      kind: 'mongodb',
      url: 'mongodb+srv://user:pw@cluster0.example.net/devlog',
    })
  })

  it('refuses any other scheme with a message naming the accepted ones', () => {
    expect(() => resolveDatabase('postgres://localhost/devlog')).toThrow(DatabaseConfigError)
    expect(() => resolveDatabase('postgres://localhost/devlog')).toThrow(
      /"postgres:".*file:.*mongodb:\/\/.*mongodb\+srv:\/\//,
    )
    expect(() => resolveDatabase('just-a-path.db')).toThrow(/unsupported scheme\. Accepted/)
  })

  it('refuses a file: URI without a path', () => {
    expect(() => resolveDatabase('file:')).toThrow(/names no file/)
  })
})

describe('sqliteDirectory', () => {
  it('finds the folder to create for a file URL', () => {
    expect(sqliteDirectory('file:./data/devlog.db')).toBe('./data')
    expect(sqliteDirectory('file:///tmp/x/devlog.db')).toBe('/tmp/x')
    expect(sqliteDirectory('file:devlog.db')).toBeNull()
    expect(sqliteDirectory('file::memory:')).toBeNull()
  })
})
