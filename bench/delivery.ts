/**
 * Delivery benchmark: 1,000 published posts (bench/corpus.ts) served side by side by
 *   1. a plain Payload app without Devlog (bench/baseline, `next start`): the baseline,
 *   2. Devlog with its response cache off, 3. Devlog with it on (`build/server.js`),
 *   4. a bare Node `http` server sending Devlog's bytes from memory: the ceiling,
 * each loaded with autocannon over loopback, in turns (see `measureInTurns`). Run with
 * `npm run bench:delivery` (part of `npm run bench`).
 *
 * With TEST_MONGODB_URI set (`.ci/with-ferretdb npm run bench:delivery`), Devlog is also seeded
 * into a database of its own on that MongoDB server and loaded uncached and cached, and its
 * figures are printed beside SQLite's.
 *
 * The same bundle is also the seeding child processes (see the modes at the bottom), so each seed
 * and each server runs in a process of its own and RSS is measured per server.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { MongoClient } from 'mongodb'

import { corpusPost, TAG_NAMES } from './corpus'
import {
  CONNECTIONS,
  ensureDevlogBuild,
  fetchOnce,
  log,
  measureInTurns,
  POSTS,
  root,
  run,
  SECRET,
  startProcess,
  TURNS,
  type Env,
  type Measure,
  type Request,
  type Run,
  type Server,
  type TurnResults,
} from './harness'
import { corpusDocuments, createPosts, createTags, SEED_BATCH, type SeededPost } from './seedCorpus'

const baselineDir = path.join(root, 'bench/baseline')
const bundle = path.join(root, 'build/bench/delivery.js')
const ceilingBundle = path.join(root, 'build/bench/ceiling.js')
const nextBin = path.join(root, 'node_modules/next/dist/bin/next')

/**
 * `uncachedTarget`: how many times the baseline's rate Devlog's uncached answer must reach (#18: a
 * post by slug at least as fast; lists, feeds, search and GraphQL at least twice).
 */
type Endpoint = { name: string; hot: boolean; uncachedTarget: number; devlog: Request; baseline: Request }
type Target = 'baseline' | 'uncached' | 'cached' | 'ceiling' | 'mongodb uncached' | 'mongodb cached'

const POSTS_QUERY = '{ Posts(limit: 10, sort: "-publishedAt") { docs { title slug publishedAt tags { name slug } } } }'
const SEARCH_WORD = '쿠버네티스'

function endpoints(slug: string): Endpoint[] {
  const graphql: Request = { path: '/api/graphql', method: 'POST', body: JSON.stringify({ query: POSTS_QUERY }) }
  const bySlug = `/api/posts?where[slug][equals]=${slug}&depth=1&limit=1`
  return [
    {
      name: 'list of 10 posts with tags',
      hot: true,
      uncachedTarget: 2,
      devlog: { path: '/api/posts?sort=-publishedAt&limit=10&depth=1' },
      baseline: { path: '/api/posts?sort=-publishedAt&limit=10&depth=1' },
    },
    { name: 'one post by slug', hot: true, uncachedTarget: 1, devlog: { path: bySlug }, baseline: { path: bySlug } },
    // What a Devlog front end reads: the rendered HTML without the Lexical JSON it was made from
    // (a plain Payload front end needs the JSON to render the post itself).
    {
      name: 'one post by slug, as a front end reads it (`/api/posts/slug/:slug?body=html`)',
      hot: true,
      uncachedTarget: 1,
      devlog: { path: `/api/posts/slug/${slug}?body=html` },
      baseline: { path: bySlug },
    },
    // A plain Payload app has no feed: its nearest equivalent is the read a feed script makes.
    {
      name: '/feed.xml',
      hot: true,
      uncachedTarget: 2,
      devlog: { path: '/feed.xml' },
      baseline: { path: '/api/posts?sort=-publishedAt&limit=50&depth=1' },
    },
    // Nor a search index: a front end would filter with `like`.
    {
      name: `search "${SEARCH_WORD}"`,
      hot: true,
      uncachedTarget: 2,
      devlog: { path: `/api/search?q=${encodeURIComponent(SEARCH_WORD)}&limit=10` },
      baseline: {
        path: `/api/posts?where[or][0][title][like]=${encodeURIComponent(SEARCH_WORD)}&where[or][1][excerpt][like]=${encodeURIComponent(SEARCH_WORD)}&limit=10&depth=0`,
      },
    },
    { name: 'GraphQL: 10 posts with tags', hot: false, uncachedTarget: 2, devlog: graphql, baseline: graphql },
    // The same query as a GET, which Devlog caches (a plain Payload app answers GraphQL over POST only).
    {
      name: 'GraphQL GET: 10 posts with tags',
      hot: true,
      uncachedTarget: 2,
      devlog: { path: `/api/graphql?query=${encodeURIComponent(POSTS_QUERY)}` },
      baseline: graphql,
    },
  ]
}

// ---------------------------------------------------------------------------------------------
// Seeding (child processes)

/** Sent over IPC by a seeding process ready for its next batch; any message back starts it. */
const READY_FOR_BATCH = 'ready for the next batch'

/**
 * With `turns`, each batch waits for the parent's word, so Devlog's and the baseline's seeding run
 * batch by batch in turns (see `seedInTurns`).
 */
function turnsFromParent(turns: boolean) {
  if (!turns) return undefined
  return () =>
    new Promise<void>((resolve) => {
      process.once('message', () => resolve())
      process.send!(READY_FOR_BATCH)
    })
}

async function seedDevlog(dir: string, turns: boolean) {
  const { default: config } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  const tagIds = await createTags(payload, (name) => ({ name }))
  const posts = corpusDocuments(payload, POSTS)
  // Before the first batch: the baseline's seeding starts from these.
  fs.writeFileSync(path.join(dir, 'posts.json'), JSON.stringify(posts))
  const createMs = await createPosts(payload, posts, tagIds, {
    progress: (done) => {
      if (done % 500 === 0) log(`  devlog: ${done}/${POSTS} posts`)
    },
    turn: turnsFromParent(turns),
  })
  fs.writeFileSync(path.join(dir, `seed-devlog-${payload.db.name}.json`), JSON.stringify({ createMs }))
  await payload.destroy()
}

/** The same posts, already converted to Lexical by Devlog's seeding, into the baseline app. */
async function seedBaseline(dir: string, turns: boolean) {
  const { default: config } = await import('./baseline/payload.config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  const tagIds = await createTags(payload, (name, index) => ({ name, slug: `tag-${index}` }))
  const posts = JSON.parse(fs.readFileSync(path.join(dir, 'posts.json'), 'utf8')) as SeededPost[]
  const createMs = await createPosts(payload, posts, tagIds, {
    progress: (done) => {
      if (done % 500 === 0) log(`  baseline: ${done}/${posts.length} posts`)
    },
    turn: turnsFromParent(turns),
  })
  fs.writeFileSync(path.join(dir, 'seed-baseline.json'), JSON.stringify({ createMs }))
  await payload.destroy()
}

type Seeder = { ready: () => Promise<void>; go: () => void; done: () => boolean }

/** A seeding child process of this bundle, taking its batches when told to. */
function seeder(mode: string, dir: string, env: Env, conditions: string): Seeder {
  const child = spawn(process.execPath, [`--conditions=${conditions}`, bundle, mode, dir, 'turns'], {
    cwd: root,
    env: { ...process.env, PAYLOAD_SECRET: SECRET, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let readyMessages = 0
  let wake = () => {}
  child.on('message', (message) => {
    if (message !== READY_FOR_BATCH) return
    readyMessages += 1
    wake()
  })
  let exitCode: number | null | undefined
  child.once('exit', (code) => {
    exitCode = code
    wake()
  })
  let consumed = 0
  return {
    /** Resolves when the child is ready for its next batch, or has finished. */
    ready: async () => {
      while (readyMessages === consumed && exitCode === undefined)
        await new Promise<void>((resolve) => (wake = resolve))
      if (exitCode !== undefined && exitCode !== 0) throw new Error(`${mode} exited with ${exitCode}`)
      if (readyMessages > consumed) consumed += 1
    },
    go: () => child.send('go'),
    done: () => exitCode === 0,
  }
}

/**
 * Seeds Devlog and then the baseline one batch each in turn, both processes started, so that the
 * two rates compare batches seconds apart: this machine's speed drifts by a fifth within minutes,
 * and seeding one after the other had put the same code at 0.76× and 1.00× the baseline.
 */
async function seedInTurns(dir: string, devlogEnv: Env, baselineEnv: Env) {
  const devlog = seeder('seed-devlog', dir, { ...devlogEnv, NODE_ENV: 'production' }, 'production')
  // The baseline reads the posts Devlog converted, written before Devlog's first batch.
  await devlog.ready()
  const baseline = seeder('seed-baseline', dir, { ...baselineEnv, NODE_ENV: 'development' }, 'development')
  await baseline.ready()
  while (!devlog.done() || !baseline.done()) {
    for (const next of [devlog, baseline]) {
      if (next.done()) continue
      next.go()
      await next.ready()
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The run

function newestChange(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.parentPath.includes('.next')) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
    }
  }
  return newest
}

function ensureBuilds() {
  ensureDevlogBuild()
  const baselineBuild = path.join(baselineDir, '.next/BUILD_ID')
  if (!fs.existsSync(baselineBuild) || fs.statSync(baselineBuild).mtimeMs < newestChange(baselineDir)) {
    log('Building the baseline app (bench/baseline)…')
    run(process.execPath, [nextBin, 'build', baselineDir], { NEXT_TELEMETRY_DISABLED: '1' })
  }
}

type TargetRun = Run<Target>
type Results = TurnResults<Target>

/** Lets a server's deferred start-up work (Next.js prepares a second after listening) end first. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000))

async function main() {
  ensureBuilds()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-bench-delivery-'))
  const self = (mode: string, env: Env, conditions: string) =>
    run(process.execPath, [`--conditions=${conditions}`, bundle, mode, dir], { PAYLOAD_SECRET: SECRET, ...env })
  const devlogDatabase = { DATABASE_URI: `file:${path.join(dir, 'devlog.db')}`, MEDIA_DIR: path.join(dir, 'media') }
  const baselineDatabase = { DATABASE_URI: `file:${path.join(dir, 'baseline.db')}` }
  const mongodbURI = process.env.TEST_MONGODB_URI
  try {
    log(`Seeding ${POSTS} posts (${TAG_NAMES.length} tags) into Devlog and the baseline, a batch each in turn…`)
    await seedInTurns(dir, devlogDatabase, baselineDatabase)
    // The posts' creation alone: not the processes' start, the schema or the Markdown conversion.
    const seeding = {
      devlog: JSON.parse(fs.readFileSync(path.join(dir, 'seed-devlog-sqlite.json'), 'utf8')).createMs as number,
      baseline: JSON.parse(fs.readFileSync(path.join(dir, 'seed-baseline.json'), 'utf8')).createMs as number,
    }
    for (const [name, ms] of Object.entries(seeding))
      log(
        `  ${name}: ${POSTS} posts created in ${(ms / 1000).toFixed(1)} s (${(POSTS / (ms / 1000)).toFixed(0)} posts/s, ${SEED_BATCH} to a transaction)`,
      )

    const list = endpoints(corpusPost(Math.floor(POSTS / 2)).slug)
    const results: Results = {}
    /** Loads `runs` in turns (see `measureInTurns`), then stops their servers. */
    const loadInTurns = async (runs: TargetRun[]) => {
      log(
        `Loading ${runs.map((run) => run.target).join(', ')} in turns (${CONNECTIONS} connections, ` +
          `${TURNS.rounds} × ${TURNS.durationS} s per endpoint and server, the median kept)…`,
      )
      try {
        Object.assign(results, await measureInTurns(runs, TURNS))
      } finally {
        for (const { server } of runs) await server.stop()
      }
    }

    const devlogArgs = ['--conditions=production', path.join(root, 'build/server.js')]
    const devlogEnv = { ...devlogDatabase, NODE_ENV: 'production', PAYLOAD_SECRET: SECRET }
    const started: Server[] = []
    const start = async (...args: Parameters<typeof startProcess>) => {
      const server = await startProcess(...args)
      started.push(server)
      return server
    }
    let servers: TargetRun[]
    let coldStartMs: number
    try {
      // Cold start: the server process spawned to the first 200 on /api/posts (what `npm start`
      // runs), started first so that no other server's start-up shares the machine with it.
      const cached = await start(devlogArgs, devlogEnv, '/api/posts?limit=1')
      coldStartMs = cached.readyMs
      log(`  cold start: ${(coldStartMs / 1000).toFixed(2)} s to the first 200 on /api/posts`)
      log(`  response cache budget: ${process.env.RESPONSE_CACHE_MB || 64} MB`)
      await settle()
      const baseline = await start(
        [nextBin, 'start', baselineDir, '-p', '$PORT', '-H', '127.0.0.1'],
        { ...baselineDatabase, NODE_ENV: 'production', PAYLOAD_SECRET: SECRET },
        '/api/posts?limit=1',
      )
      log(`  baseline cold start: ${(baseline.readyMs / 1000).toFixed(2)} s to the first 200 on /api/posts`)
      // The servers run side by side: the uncached one reads a copy of the database.
      const uncachedDatabase = path.join(dir, 'devlog-uncached.db')
      fs.copyFileSync(path.join(dir, 'devlog.db'), uncachedDatabase)
      const uncached = await start(
        devlogArgs,
        { ...devlogEnv, DATABASE_URI: `file:${uncachedDatabase}`, RESPONSE_CACHE: 'false' },
        '/readyz',
      )
      const ceilingFile = path.join(dir, 'ceiling.json')
      const captured = []
      for (const endpoint of list) {
        const { contentType, body } = await fetchOnce(cached, endpoint.devlog)
        captured.push({
          key: `${endpoint.devlog.method ?? 'GET'} ${endpoint.devlog.path}`,
          contentType,
          body: body.toString('base64'),
        })
      }
      fs.writeFileSync(ceilingFile, JSON.stringify(captured))
      const ceiling = await start([ceilingBundle, ceilingFile, '$PORT'], {}, list[0].devlog.path)
      await settle()
      const devlogRequests = list.map((endpoint) => endpoint.devlog)
      servers = [
        { target: 'baseline', server: baseline, requests: list.map((endpoint) => endpoint.baseline) },
        { target: 'uncached', server: uncached, requests: devlogRequests },
        { target: 'cached', server: cached, requests: devlogRequests },
        { target: 'ceiling', server: ceiling, requests: devlogRequests },
      ]
    } catch (error) {
      for (const server of started) await server.stop()
      throw error
    }
    await loadInTurns(servers)

    report(list, results as Required<Results>, { seeding, coldStartMs })
    if (mongodbURI)
      await onMongoDB(mongodbURI, {
        dir,
        self,
        list,
        results: results as Required<Results>,
        loadInTurns,
        devlogArgs,
        devlogEnv,
        seeding,
      })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Devlog on MongoDB, seeded and loaded like on SQLite (uncached, then cached), in a database of
 * its own that is dropped afterwards; its figures beside SQLite's.
 */
async function onMongoDB(
  uri: string,
  run: {
    dir: string
    self: (mode: string, env: Env, conditions: string) => void
    list: Endpoint[]
    results: Record<Target, { measures: Measure[]; peakRSS: number }>
    loadInTurns: (runs: TargetRun[]) => Promise<void>
    devlogArgs: string[]
    devlogEnv: Env
    seeding: { devlog: number; baseline: number }
  },
) {
  const url = new URL(uri)
  url.pathname = `/devlog_bench_${process.pid}`
  const database = {
    DATABASE_URI: url.toString(),
    MONGODB_COMPATIBILITY: process.env.MONGODB_COMPATIBILITY,
    MEDIA_DIR: path.join(run.dir, 'media-mongodb'),
  }
  try {
    log('')
    log(`Seeding ${POSTS} posts into Devlog on MongoDB (${url.host})…`)
    run.self('seed-devlog', { ...database, NODE_ENV: 'production' }, 'production')
    const createMs = JSON.parse(fs.readFileSync(path.join(run.dir, 'seed-devlog-mongoose.json'), 'utf8'))
      .createMs as number
    const requests = run.list.map((endpoint) => endpoint.devlog)
    const uncached = await startProcess(
      run.devlogArgs,
      { ...run.devlogEnv, ...database, RESPONSE_CACHE: 'false' },
      '/readyz',
    )
    let cached: Server
    try {
      cached = await startProcess(run.devlogArgs, { ...run.devlogEnv, ...database }, '/api/posts?limit=1')
    } catch (error) {
      await uncached.stop()
      throw error
    }
    await run.loadInTurns([
      { target: 'mongodb uncached', server: uncached, requests },
      { target: 'mongodb cached', server: cached, requests },
    ])

    const { results } = run
    const cell = (target: Target, index: number) => {
      const measure = results[target].measures[index]
      // autocannon counts a request that outlasts the run as an error, not as a time.
      if (measure.requestsPerSecond < 1) return `none answered in ${TURNS.durationS} s (${measure.errors} errors)`
      return `${measure.requestsPerSecond.toFixed(0)} req/s, p50 ${measure.p50.toFixed(0)} ms`
    }
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    log('')
    log('| endpoint | SQLite uncached | MongoDB uncached | SQLite cached | MongoDB cached |')
    log('| --- | ---: | ---: | ---: | ---: |')
    for (const [index, endpoint] of run.list.entries())
      log(
        `| ${endpoint.name} | ${cell('uncached', index)} | ${cell('mongodb uncached', index)} | ${cell('cached', index)} | ${cell('mongodb cached', index)} |`,
      )
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
    log(
      `| peak RSS under load | ${mb(results.uncached.peakRSS)} | ${mb(results['mongodb uncached'].peakRSS)} | ${mb(results.cached.peakRSS)} | ${mb(results['mongodb cached'].peakRSS)} |`,
    )
    log('')
    log(
      `Seeding ${POSTS} posts: SQLite ${seconds(run.seeding.devlog)}, MongoDB ${seconds(createMs)}. ` +
        `Cold start on MongoDB: ${seconds(cached.readyMs)}.`,
    )
  } finally {
    const client = new MongoClient(database.DATABASE_URI)
    await client.db().dropDatabase()
    await client.close()
  }
}

function report(
  list: Endpoint[],
  results: Record<Target, { measures: Measure[]; peakRSS: number }>,
  { seeding, coldStartMs }: { seeding: { devlog: number; baseline: number }; coldStartMs: number },
) {
  const ratio = (value: number, against: number) => `${(value / against).toFixed(2)}×`
  const ms = (value: number) => `${value.toFixed(0)} ms`
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  log('')
  log('| endpoint | server | req/s | p50 | p99 | vs baseline | vs ceiling | errors |')
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const [index, endpoint] of list.entries()) {
    const baseline = results.baseline.measures[index]
    const ceiling = results.ceiling.measures[index]
    for (const target of ['baseline', 'uncached', 'cached', 'ceiling'] as Target[]) {
      const measure = results[target].measures[index]
      log(
        `| ${endpoint.name} | ${target} | ${measure.requestsPerSecond.toFixed(0)} | ${ms(measure.p50)} | ${ms(measure.p99)} | ` +
          `${ratio(measure.requestsPerSecond, baseline.requestsPerSecond)} | ${ratio(measure.requestsPerSecond, ceiling.requestsPerSecond)} | ${measure.errors} |`,
      )
    }
  }
  log('')
  log('| server | peak RSS under load | vs baseline |')
  log('| --- | ---: | ---: |')
  for (const target of ['baseline', 'uncached', 'cached', 'ceiling'] as Target[])
    log(`| ${target} | ${mb(results[target].peakRSS)} | ${ratio(results[target].peakRSS, results.baseline.peakRSS)} |`)

  const checks: [string, boolean, string][] = []
  for (const [index, endpoint] of list.entries()) {
    const [baseline, uncached, cached, ceiling] = (['baseline', 'uncached', 'cached', 'ceiling'] as Target[]).map(
      (target) => results[target].measures[index],
    )
    if (endpoint.hot) {
      checks.push([
        `cached ${endpoint.name} ≥ 5× baseline`,
        cached.requestsPerSecond >= 5 * baseline.requestsPerSecond,
        ratio(cached.requestsPerSecond, baseline.requestsPerSecond),
      ])
      checks.push([
        `cached ${endpoint.name} ≥ ½ ceiling`,
        cached.requestsPerSecond >= 0.5 * ceiling.requestsPerSecond,
        ratio(cached.requestsPerSecond, ceiling.requestsPerSecond),
      ])
    }
    checks.push([
      `uncached ${endpoint.name} ≥ ${endpoint.uncachedTarget}× baseline`,
      uncached.requestsPerSecond >= endpoint.uncachedTarget * baseline.requestsPerSecond,
      ratio(uncached.requestsPerSecond, baseline.requestsPerSecond),
    ])
    checks.push([
      `uncached ${endpoint.name} p99 < 10× p50`,
      uncached.p99 < 10 * uncached.p50,
      `${ms(uncached.p99)} / ${ms(uncached.p50)}`,
    ])
  }
  checks.push([
    'seeding rate ≥ 0.8× baseline',
    seeding.baseline / seeding.devlog >= 0.8,
    ratio(seeding.baseline, seeding.devlog),
  ])
  checks.push(['cold start < 2 s', coldStartMs < 2000, `${(coldStartMs / 1000).toFixed(2)} s`])
  const rssLimit = results.baseline.peakRSS * 1.3
  for (const target of ['uncached', 'cached'] as Target[])
    checks.push([
      `${target} peak RSS ≤ 1.3× baseline`,
      results[target].peakRSS <= rssLimit,
      ratio(results[target].peakRSS, results.baseline.peakRSS),
    ])
  log('')
  log('| target | measured | result |')
  log('| --- | ---: | --- |')
  for (const [name, met, measured] of checks) log(`| ${name} | ${measured} | ${met ? 'met' : 'MISSED'} |`)
}

const [mode, ...args] = process.argv.slice(2)
if (mode === 'seed-devlog') await seedDevlog(args[0], args[1] === 'turns')
else if (mode === 'seed-baseline') await seedBaseline(args[0], args[1] === 'turns')
else {
  await main()
  process.exit(0)
}
if (mode === 'seed-devlog' || mode === 'seed-baseline') process.exit(0)
