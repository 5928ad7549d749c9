/**
 * Migrations run inside a transaction on SQLite, where `PRAGMA foreign_keys` is ignored: a table
 * rebuilt there (Drizzle's `__new_…` copy, then DROP TABLE) would cascade its deletes into every
 * table that refers to it. A migration that needs a rebuild must be written by hand.
 */
import fs from 'node:fs'
import path from 'node:path'

const migrationDir = path.join(process.cwd(), 'src/migrations')
const upOf = (source: string) =>
  source.slice(source.indexOf('export async function up'), source.indexOf('export async function down'))

describe('SQLite migrations', () => {
  const files = fs.readdirSync(migrationDir).filter((name) => /^\d{8}_\d{6}_.+\.ts$/.test(name))

  it('are found', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files)('%s does not rebuild a table in its up step', (name) => {
    const up = upOf(fs.readFileSync(path.join(migrationDir, name), 'utf8'))
    expect(up).toContain('export async function up')
    expect(up).not.toMatch(/foreign_keys\s*=\s*OFF|__new_/i)
  })
})
