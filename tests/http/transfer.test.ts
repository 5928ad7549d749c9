import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { databaseEnv, describeOnEachDatabase, dropMongoDatabase, root, transferBundle } from '../helpers/server'

const FIXTURES = path.join(root, 'tests/fixtures/import')

type Run = { code: number | null; stdout: string; stderr: string }

/**
 * Runs the bundled CLI as `npm run import` / `npm run export` do, over a database of its own: a
 * SQLite file in `dir`, or the MongoDB database `database` names.
 */
function cli(dir: string, database: Record<string, string | undefined>, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=production', transferBundle, ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URI: `file:${path.join(dir, 'cli.db')}`,
        MEDIA_DIR: path.join(dir, 'media'),
        ...database,
      } as Record<string, string | undefined> as NodeJS.ProcessEnv,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describeOnEachDatabase('npm run import / npm run export', (kind) => {
  let dir: string
  // The same database through the whole file: each test goes on from the one before.
  const database = databaseEnv(kind)
  const transfer = (args: string[]) => cli(dir, database, args)

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-cli-'))
  })
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true })
    if (database.DATABASE_URI) await dropMongoDatabase(database.DATABASE_URI)
  })

  it('a dry run reports what it would do, writes nothing and exits 1 for the broken file', async () => {
    const run = await transfer(['import', FIXTURES, '--dry-run'])
    expect(run.code).toBe(1)
    // Rehearsed in a transaction on SQLite; a MongoDB without a replica set has none, and it says so.
    expect(run.stdout).toContain(
      kind === 'sqlite'
        ? 'Dry run (nothing was written): 8 files from'
        : 'Dry run (nothing was written; without transactions in this database the writes were not rehearsed): 8 files from',
    )
    expect(run.stdout).toContain('  would create: 7')
    expect(run.stdout).toMatch(/Failed:\n {2}broken\/unclosed-quote\.md: front matter line \d+: Missing closing "quote/)
    expect(run.stderr).toContain('8/8 (100%)')
    const again = await transfer(['import', path.join(FIXTURES, 'blog')])
    expect(again.stdout).toContain('  created: 4')
  })

  it('imports a folder, exits 0 when every file went in, and skips it all the second time', async () => {
    const notion = await transfer(['import', path.join(FIXTURES, 'notion')])
    expect(notion.code).toBe(0)
    expect(notion.stdout).toContain('  created: 2')
    const again = await transfer(['import', path.join(FIXTURES, 'notion')])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/ {2}created: 0\n {2}updated: 0\n {2}skipped: 2\n {2}failed: {2}0/)
  })

  it('exports every document with its images', async () => {
    const out = path.join(dir, 'export')
    const run = await transfer(['export', out])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Exported 6 documents and 2 images to')
    expect(fs.readdirSync(path.join(out, 'retrospectives')).sort()).toEqual([
      '2021-1-4분기-회고',
      '2021-1-4분기-회고.md',
      '2023-상반기-회고.md',
      '2024-회고.md',
    ])
  })

  it('imports an untitled retrospective with --period, after a dry run that shows what it detected', async () => {
    const file = path.join(root, 'tests/fixtures/shapes/untitled-yearly.txt')
    const without = await transfer(['import', file, '--dry-run'])
    expect(without.code).toBe(1)
    expect(without.stdout).toContain('give it with --period 2024')
    // 2024 has a retrospective from the fixtures already: a year of its own.
    const check = await transfer(['import', file, '--dry-run', '--period', '2019'])
    expect(check.code).toBe(0)
    expect(check.stdout).toMatch(
      /Detected:\n\s+file\s+kind\s+title\s+period\s+date\s+tags\s+sections\n\s+untitled-yearly\.txt\s+retrospective\s+2019년 회고\s+2019\s+–\s+–\s+1\n/,
    )
    const run = await transfer(['import', file, '--period', '2019'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('  created: 1')
  })

  it('exits 1 with a message for a missing path, a wrong option or no command', async () => {
    const missing = await transfer(['import', path.join(dir, 'nowhere')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`Error: ${path.join(dir, 'nowhere')} does not exist.`)
    const option = await transfer(['import', FIXTURES, '--force'])
    expect(option.code).toBe(1)
    expect(option.stderr).toContain("Unknown option '--force'")
    expect(option.stderr).toContain('Usage:')
    const zone = await transfer(['import', FIXTURES, '--timezone', 'Mars/Olympus'])
    expect(zone.code).toBe(1)
    expect(zone.stderr).toContain('--timezone: "Mars/Olympus" is not an IANA time zone')
    const as = await transfer(['import', FIXTURES, '--as', 'page'])
    expect(as.code).toBe(1)
    expect(as.stderr).toContain('--as: post or retrospective, got "page".')
    const period = await transfer(['import', FIXTURES, '--period', '2024-Q5', '--dry-run'])
    expect(period.code).toBe(1)
    expect(period.stderr).toContain('Error: --period: "2024-Q5"')
    const none = await transfer([])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('unknown command ""')
  })
})
