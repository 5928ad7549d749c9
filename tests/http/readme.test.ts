/**
 * Every `curl` example in the README and docs/, run as written (in order, in one shell, as a reader pastes
 * them) against the production server with the demo content, on each database; only the address
 * changes.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { itWhere } from '../helpers/payload'
import {
  databaseEnv,
  describeOnEachDatabase,
  dropMongoDatabase,
  root,
  startServer,
  type RunningServer,
} from '../helpers/server'

/** The README and the docs, in the order a reader goes through them (the examples build on each other). */
const DOCUMENTS = [
  'README.md',
  'docs/configuration.md',
  'docs/server.md',
  'docs/api.md',
  'docs/import-export.md',
  'docs/plugin.md',
  'docs/mongodb.md',
  'docs/development.md',
]
const README = DOCUMENTS.map((file) => fs.readFileSync(path.join(root, file), 'utf8')).join('\n')
const shellBlocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1])
const curlExamples = shellBlocks.filter((block) => /^\s*(TOKEN=\$\()?curl /m.test(block))
const transferExamples = shellBlocks.filter((block) => /^npm run (import|export) /m.test(block))

/** The environment of a developer's shell (no NODE_ENV, as Jest sets one) with a database. */
function developmentEnv(databaseUri: string): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URI: databaseUri }
  delete env.NODE_ENV
  return env as unknown as NodeJS.ProcessEnv
}

const ADMIN_PASSWORD = 'readme-admin-password'

describeOnEachDatabase("the README's curl, import and export examples", (kind) => {
  let server: RunningServer

  beforeAll(async () => {
    // Production refuses the demo's published password: the admin's is ADMIN_PASSWORD, as the README says.
    server = await startServer({ ...databaseEnv(kind), SEED_DEMO: 'true', ADMIN_PASSWORD })
  }, 180_000)

  afterAll(async () => {
    await server?.stop()
  })

  it('are found', () => {
    expect(curlExamples.length).toBeGreaterThanOrEqual(3)
  })

  it('all answer 2xx, with what they promise', () => {
    const script = [
      'set -e',
      // A failed request fails the run (the examples print bodies, so --fail-with-body).
      'curl() { command curl --fail-with-body -sS "$@"; }',
      ...curlExamples.map((block) => block.replaceAll('http://localhost:3000', server.url)),
    ].join('\n')
    const run = spawnSync('bash', ['-c', script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ADMIN_PASSWORD },
    })
    // `… | head -c 300` closes the pipe early; curl then reports (23), which `-s` hides from a reader.
    const problems = run.stderr.split('\n').filter((line) => line && !line.includes('(23) Failed writing body'))
    expect({ status: run.status, problems }).toEqual({ status: 0, problems: [] })
    // The Hangul slug, GraphQL, the draft list behind the token, a feed, the endpoints.
    expect(run.stdout).toContain('"slug":"prometheus-알림-규칙을-줄이며-배운-것"')
    expect(run.stdout).toContain('{"data":{"Posts":{"docs":[')
    expect(run.stdout).toContain('"Reading Terraform plans without fear"')
    expect(run.stdout).toContain('200 application/rss+xml')
    expect(run.stdout).toContain('"version":"https://jsonfeed.org/version/1.1"')
    expect(run.stdout).toContain('{"data":{"Tags":{"docs":[')
    // Ghost's Content API with the key the example makes.
    expect(run.stdout).toMatch(/\{"posts":\[\{"title":"[^"]+","slug":"[^"]+","published_at":"[^"]+\+00:00"\}/)
    expect(run.stdout).toContain('"count":{"posts":')
    // The endpoints that take the id the example read.
    expect(run.stdout).toContain('"type":"unpublish"')
  })

  it('import and export run as written on a development database (the export into a folder of the test)', async () => {
    expect(transferExamples).toHaveLength(1)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-readme-transfer-'))
    const backup = path.join(dir, 'backup')
    const script = ['set -e', transferExamples[0].replaceAll('./backup', backup)].join('\n')
    const database = databaseEnv(kind)
    const run = spawnSync('bash', ['-c', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
      env: {
        ...developmentEnv(database.DATABASE_URI ?? `file:${path.join(dir, 'devlog.db')}`),
        MONGODB_COMPATIBILITY: database.MONGODB_COMPATIBILITY,
      },
    })
    if (database.DATABASE_URI) await dropMongoDatabase(database.DATABASE_URI)
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' })
    expect(run.stdout).toMatch(/skipped/)
    expect(fs.readdirSync(path.join(backup, 'posts')).length).toBeGreaterThan(0)
    expect(fs.readdirSync(path.join(backup, 'retrospectives')).length).toBeGreaterThan(0)
    fs.rmSync(dir, { recursive: true, force: true })
  }, 300_000)

  itWhere(kind === 'sqlite', 'a SQLite database file made by migrations; MongoDB has no schema to push')(
    "refuses, in one line, to push a development schema into the production server's database",
    async () => {
      const run = spawnSync('npm', ['run', '--silent', 'import', '--', 'tests/fixtures/import/blog', '--dry-run'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        env: developmentEnv(`file:${path.join(server.dir, 'devlog.db')}`),
      })
      expect(run.status).toBe(1)
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
      expect(run.stderr).toContain('a production database (schema from migrations)')
    },
    90_000,
  )
})
