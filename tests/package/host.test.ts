import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { databaseKinds, type DatabaseKind } from '../helpers/payload'
import { databaseEnv, dropMongoDatabase } from '../helpers/server'

/**
 * payload-devlog as another Payload app gets it: `npm pack` of this repository, the tarball
 * installed into a fresh folder outside it next to payload, the SQLite and MongoDB adapters and
 * Lexical (npm adds the peers), and the host run by plain Node: no TypeScript loader, no Next.js.
 */
const root = path.resolve(import.meta.dirname, '../..')
const fixture = path.join(root, 'tests/fixtures/host')
const PAYLOAD_VERSION = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).peerDependencies.payload

// The children get neither Jest's --experimental-vm-modules nor npm's run-script settings.
const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  for (const name of Object.keys(env)) if (name === 'NODE_OPTIONS' || /^npm_/i.test(name)) delete env[name]
  return env
}

type Answer = { status: number; type: string | null; etag: string | null; cacheControl: string | null; body: string }
type HostRun = {
  database: string
  collections: string[]
  pages: number
  post: { slug: string; contentHtml: string; excerpt: string }
  feed: Answer
  feedAgain: Answer
  tagFeed: Answer
  sitemap: Answer
  postBySlug: Answer
  studyGroups: Answer
  cohortBoard: Answer
  graphql: { queries: string[]; mutations: string[] }
}

let work: string
let host: string
let tarballFiles: string[]

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-packed-host-'))
  host = path.join(work, 'host')
  fs.mkdirSync(host)
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      env: childEnv(),
      encoding: 'utf8',
    }),
  ) as { filename: string; files: { path: string }[] }[]
  tarballFiles = packed.files.map((file) => file.path)
  fs.writeFileSync(path.join(host, 'package.json'), JSON.stringify({ name: 'host', private: true, type: 'module' }))
  for (const file of fs.readdirSync(fixture)) fs.copyFileSync(path.join(fixture, file), path.join(host, file))
  const install = spawnSync(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--save-exact',
      path.join(work, packed.filename),
      `payload@${PAYLOAD_VERSION}`,
      `@payloadcms/db-sqlite@${PAYLOAD_VERSION}`,
      `@payloadcms/db-mongodb@${PAYLOAD_VERSION}`,
      `@payloadcms/richtext-lexical@${PAYLOAD_VERSION}`,
    ],
    { cwd: host, env: childEnv(), encoding: 'utf8', timeout: 300_000 },
  )
  if (install.status !== 0) throw new Error(`npm install in the host failed:\n${install.stderr}`)
}, 360_000)

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true })
})

/** One run of the host on a database of its own: a SQLite file, or a fresh MongoDB database dropped afterwards. */
async function runHost(kind: DatabaseKind, env: Record<string, string> = {}): Promise<HostRun> {
  const dir = fs.mkdtempSync(path.join(work, 'run-'))
  const database = databaseEnv(kind)
  try {
    return runHostOn(dir, { DATABASE_URI: `file:${path.join(dir, 'host.db')}`, ...database, ...env })
  } finally {
    if (database.DATABASE_URI) await dropMongoDatabase(database.DATABASE_URI)
  }
}

function runHostOn(dir: string, env: Record<string, string | undefined>): HostRun {
  const outFile = path.join(dir, 'result.json')
  // Node 20 sometimes hangs in Lexical's top-level await without an export condition.
  const run = spawnSync(process.execPath, ['--conditions=production', 'run.mjs', outFile], {
    cwd: host,
    // Not production: the SQLite adapter pushes the schema into the fresh file only in development.
    env: childEnv({
      NODE_ENV: 'test',
      MEDIA_DIR: path.join(dir, 'media'),
      ...env,
    }),
    encoding: 'utf8',
    timeout: 120_000,
  })
  if (run.status !== 0) throw new Error(`the host exited with ${run.status}:\n${run.stderr}\n${run.stdout}`)
  return JSON.parse(fs.readFileSync(outFile, 'utf8')) as HostRun
}

describe('payload-devlog packed and installed in another Payload app', () => {
  it('ships the compiled package only: JavaScript, type declarations and the README', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/exports/admin.js', 'dist/exports/rsc.js']),
    )
    expect(tarballFiles.filter((file) => !/^(dist\/.+\.(js|d\.ts)|README\.md|package\.json)$/.test(file))).toEqual([])
    expect(fs.readFileSync(path.join(host, 'node_modules/payload-devlog/dist/exports/admin.js'), 'utf8')).toMatch(
      /^'use client'/,
    )
    // The dashboard widgets are server components: they read the database with the user's access.
    expect(fs.readFileSync(path.join(host, 'node_modules/payload-devlog/dist/exports/rsc.js'), 'utf8')).not.toMatch(
      /use client/,
    )
  })
})

describe.each(databaseKinds())('payload-devlog in another Payload app, on %s', (kind) => {
  it('adds its collections to the host, derives content and serves feeds, sitemap and GraphQL through Payload', async () => {
    const result = await runHost(kind)
    expect(result.database).toBe(kind === 'mongodb' ? 'mongoose' : 'sqlite')
    expect(result.collections.slice(0, 2)).toEqual(['users', 'pages'])
    expect(result.collections).toEqual(
      expect.arrayContaining([
        'posts',
        'tags',
        'retrospectives',
        'study-groups',
        'cohorts',
        'webhooks',
        'search-index',
      ]),
    )
    expect(result.pages).toBe(1)
    expect(result.post.slug).toBe('probes-in-practice')
    expect(result.post.contentHtml).toBe('<p>Liveness &lt;and&gt; readiness probes.</p>')
    expect(result.post.excerpt).toBe('Liveness <and> readiness probes.')

    expect(result.feed).toMatchObject({ status: 200, type: 'application/rss+xml; charset=utf-8' })
    expect(result.feed.cacheControl).toMatch(/^public, max-age=\d+/)
    expect(result.feed.body).toContain('<title>Host Blog</title>')
    expect(result.feed.body).toContain('<atom:link href="https://host.example.com/api/feed.xml" rel="self"')
    expect(result.feed.body).toContain('https://host.example.com/posts/probes-in-practice')
    expect(result.feedAgain.status).toBe(304)
    expect(result.tagFeed.status).toBe(200)
    expect(JSON.parse(result.tagFeed.body).items.map((item: { title: string }) => item.title)).toEqual([
      'Probes in practice',
    ])
    expect(result.sitemap.status).toBe(200)
    expect(result.sitemap.body).toContain('<loc>https://host.example.com/tags/kubernetes</loc>')
    expect(JSON.parse(result.postBySlug.body).doc.title).toBe('Probes in practice')
    expect(result.studyGroups.status).toBe(200)

    expect(result.graphql.queries).toEqual(expect.arrayContaining(['Posts', 'PostBySlug', 'Search', 'CohortBoard']))
    expect(result.graphql.mutations).toEqual(expect.arrayContaining(['mergeTag', 'submitWork']))
  })

  it('leaves study groups out entirely when the host turns them off', async () => {
    const result = await runHost(kind, { HOST_STUDY_GROUPS: 'off' })
    for (const slug of ['study-groups', 'cohorts', 'members', 'memberships', 'study-sessions', 'submissions']) {
      expect(result.collections).not.toContain(slug)
    }
    expect(result.collections).toEqual(expect.arrayContaining(['posts', 'retrospectives']))
    expect(result.studyGroups.status).toBe(404)
    expect(result.cohortBoard.status).toBe(404)
    expect(result.graphql.queries).not.toEqual(expect.arrayContaining(['CohortBoard']))
    for (const name of [
      'StudyGroupPage',
      'CohortBoard',
      'CohortPublicRoster',
      'WeeklySubmissions',
      'MembershipStatus',
      'StudyGroups',
      'Cohorts',
    ]) {
      expect(result.graphql.queries).not.toContain(name)
    }
    for (const name of ['submitWork', 'generateSessions', 'importRoster', 'createCohort']) {
      expect(result.graphql.mutations).not.toContain(name)
    }
    // The rest of Devlog still works.
    expect(result.post.contentHtml).toBe('<p>Liveness &lt;and&gt; readiness probes.</p>')
    expect(result.feed.status).toBe(200)
  })
})
