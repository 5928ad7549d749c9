/**
 * Growth benchmark: how Devlog's reads and memory change from 1,000 to 10,000 to 100,000 posts.
 * The first 10,000 are published through the Local API (bench/corpus.ts, 100 to a transaction);
 * 100,000 are those ten thousand copied nine more times in SQL, in one transaction (new ids,
 * slugs and titles; their tags, versions and search index rows with them). Each size is served by
 * `build/server.js` with the response cache off and loaded with autocannon; search is loaded once
 * with its in-memory copy and once through the database, to show where one stops paying.
 * Run with `npm run bench:growth` after `npm run build` (part of `npm run bench`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'libsql'

import { TAG_NAMES } from './corpus'
import {
  ensureDevlogBuild,
  fetchOnce,
  load,
  log,
  root,
  run,
  SECRET,
  startProcess,
  type Measure,
  type Server,
} from './harness'
import { corpusDocuments, createPosts, createTags } from './seedCorpus'

const SIZES = [1_000, 10_000, 100_000] as const
const SEEDED = 10_000
const DURATION_S = Number(process.env.BENCH_DURATION || 5)
const WARMUP_S = 1
const SEQUENTIAL_RUNS = 15
// Fewer than bench:delivery's 50: a sitemap page takes a tenth of a second or more, and 50 of
// them queued behind each other outlast a five-second run.
const CONNECTIONS = 10
// Small enough that every size has an index and pages, so paging is measured at each.
const URLS_PER_SITEMAP = 1_000
const SEARCH_WORD = '쿠버네티스'
const bundle = path.join(root, 'build/bench/growth.js')

type Figure = { name: string; medianMs: number; measure: Measure }
type SizeResult = { size: number; figures: Figure[]; peakRSS: number; idleRSS: number; searchDatabaseRSS: number }

// ---------------------------------------------------------------------------------------------
// Seeding (a child process) and copying

/** Publishes corpus posts `from`…`to` into the database, making the tags first when it has none. */
async function seed(from: number, to: number) {
  const { default: config } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  const { docs } = await payload.find({ collection: 'tags', pagination: false, depth: 0, select: { name: true } })
  const tagIds = docs.length
    ? new Map(docs.map((tag) => [tag.name, tag.id]))
    : await createTags(payload, (name) => ({ name }))
  const posts = corpusDocuments(payload, to - from, from)
  const ms = await createPosts(payload, posts, tagIds, {
    progress: (done) => {
      if (done % 1000 === 0) log(`  ${from + done}/${to} posts`)
    },
  })
  log(
    `  posts ${from + 1}–${to} created in ${(ms / 1000).toFixed(1)} s (${((to - from) / (ms / 1000)).toFixed(0)} posts/s)`,
  )
  await payload.destroy()
}

const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((column) => column.name)

/** The database's posts copied until there are `factor` times as many, in one transaction. */
function multiply(file: string, factor: number) {
  const db = new Database(file)
  const max = (table: string) => (db.prepare(`SELECT max(id) AS id FROM "${table}"`).get() as { id: number }).id
  const [posts, versions, search] = [max('posts'), max('_posts_v'), max('search_index')]
  const started = performance.now()
  db.exec('BEGIN IMMEDIATE')
  /** Each row `where` selects, copied `factor - 1` times with `rewrite`'s columns (`$k`: the copy's number). */
  const copy = (table: string, rewrite: Record<string, string>, where: string) => {
    const columns = columnsOf(db, table).filter((column) => !(column === 'id' && !rewrite.id))
    const names = columns.map((column) => `"${column}"`).join(', ')
    for (let k = 1; k < factor; k++) {
      const select = columns.map((column) => (rewrite[column] ?? `"${column}"`).replaceAll('$k', String(k))).join(', ')
      db.exec(`INSERT INTO "${table}" (${names}) SELECT ${select} FROM "${table}" WHERE ${where}`)
    }
  }
  /** A table's rows up to id `bound` and their relationship rows, each copy's ids moved past the last. */
  const copyWithRelationships = (table: string, bound: number, rewrite: Record<string, string>) => {
    copy(table, { id: `id + $k * ${bound}`, ...rewrite }, `id <= ${bound}`)
    copy(
      `${table}_rels`,
      {
        parent_id: `parent_id + $k * ${bound}`,
        posts_id: `CASE WHEN posts_id IS NULL THEN NULL ELSE posts_id + $k * ${posts} END`,
      },
      `parent_id <= ${bound}`,
    )
  }
  const renamed = { slug: `slug || '-copy-$k'`, title: `title || ' (copy $k)'` }
  copyWithRelationships('posts', posts, renamed)
  copyWithRelationships('_posts_v', versions, {
    parent_id: `parent_id + $k * ${posts}`,
    version_slug: `version_slug || '-copy-$k'`,
    version_title: `version_title || ' (copy $k)'`,
  })
  copyWithRelationships('search_index', search, renamed)
  // The tags' counters, as the posts' hooks would have kept them.
  db.exec(
    `UPDATE tags SET post_count = (SELECT count(DISTINCT parent_id) FROM posts_rels WHERE path = 'tags' AND tags_id = tags.id)`,
  )
  db.exec('COMMIT')
  const total = (db.prepare('SELECT count(*) AS n FROM posts').get() as { n: number }).n
  db.close()
  log(`  copied to ${total} posts in one transaction in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

// ---------------------------------------------------------------------------------------------
// Measuring

/**
 * One request at a time first (the time a reader waits, which is what should stay flat as the blog
 * grows), then throughput at `CONNECTIONS` connections.
 */
async function measure(server: Server, name: string, requestPath: string): Promise<Figure> {
  await fetchOnce(server, { path: requestPath })
  const times: number[] = []
  for (let run = 0; run < SEQUENTIAL_RUNS; run++) {
    const started = performance.now()
    await fetchOnce(server, { path: requestPath })
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  await load(server, { path: requestPath }, WARMUP_S, CONNECTIONS)
  const measure = await load(server, { path: requestPath }, DURATION_S, CONNECTIONS)
  return { name, medianMs: times[Math.floor(times.length / 2)], measure }
}

async function measureSize(file: string, size: number, dir: string): Promise<SizeResult> {
  const env = {
    DATABASE_URI: `file:${file}`,
    MEDIA_DIR: path.join(dir, 'media'),
    NODE_ENV: 'production',
    PAYLOAD_SECRET: SECRET,
    RESPONSE_CACHE: 'false',
    SITEMAP_URLS_PER_FILE: String(URLS_PER_SITEMAP),
  }
  const args = ['--conditions=production', path.join(root, 'build/server.js')]
  const middle = Math.floor(Math.min(size, SEEDED) / 2)
  const server = await startProcess(args, { ...env, SEARCH_MEMORY_LIMIT: '1000000' }, '/readyz')
  const figures: Figure[] = []
  let idleRSS = 0
  try {
    idleRSS = server.peakRSS()
    const { docs } = (await (
      await fetch(`${server.url}/api/posts?sort=id&limit=1&page=${middle}&select[slug]=true`)
    ).json()) as {
      docs: { slug: string }[]
    }
    const pages = Math.ceil(size / URLS_PER_SITEMAP)
    figures.push(await measure(server, 'list of 10 posts with tags', '/api/posts?sort=-publishedAt&limit=10&depth=1'))
    figures.push(await measure(server, 'one post by slug (`?body=html`)', `/api/posts/slug/${docs[0].slug}?body=html`))
    figures.push(await measure(server, '`/feed.xml` (50 entries)', '/feed.xml'))
    figures.push(
      await measure(server, `sitemap index (${URLS_PER_SITEMAP.toLocaleString('en')} URLs a page)`, '/sitemap.xml'),
    )
    figures.push(await measure(server, 'sitemap, first page', '/sitemaps/1.xml'))
    figures.push(await measure(server, 'sitemap, last page of posts', `/sitemaps/${pages}.xml`))
    figures.push(
      await measure(
        server,
        `search "${SEARCH_WORD}", in-memory copy`,
        `/api/search?q=${encodeURIComponent(SEARCH_WORD)}&limit=10`,
      ),
    )
  } finally {
    await server.stop()
  }
  const peakRSS = server.peakRSS()
  const database = await startProcess(args, { ...env, SEARCH_MEMORY_LIMIT: '0' }, '/readyz')
  let searchDatabaseRSS = 0
  try {
    figures.push(
      await measure(
        database,
        `search "${SEARCH_WORD}", database`,
        `/api/search?q=${encodeURIComponent(SEARCH_WORD)}&limit=10`,
      ),
    )
  } finally {
    await database.stop()
    searchDatabaseRSS = database.peakRSS()
  }
  return { size, figures, peakRSS, idleRSS, searchDatabaseRSS }
}

function report(results: SizeResult[]) {
  const [first] = results
  const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(2)}×` : '–')
  log('')
  log(
    `Each cell: the median of ${SEQUENTIAL_RUNS} requests one at a time, then requests per second at ${CONNECTIONS} connections; ratios against 1,000 posts.`,
  )
  log('')
  log(
    `| measure | ${results.map((result) => result.size.toLocaleString('en')).join(' | ')} | ${results
      .slice(1)
      .map((result) => `${result.size / first.size}× posts`)
      .join(' | ')} |`,
  )
  log(
    `| --- | ${results.map(() => '---:').join(' | ')} | ${results
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  )
  for (const [index, { name }] of first.figures.entries()) {
    const cells = results.map(({ figures }) => {
      const { medianMs, measure } = figures[index]
      return `${medianMs.toFixed(1)} ms, ${measure.requestsPerSecond.toFixed(0)} req/s`
    })
    const ratios = results
      .slice(1)
      .map(
        (result) =>
          `${ratio(result.figures[index].medianMs, first.figures[index].medianMs)} time, ${ratio(
            result.figures[index].measure.requestsPerSecond,
            first.figures[index].measure.requestsPerSecond,
          )} req/s`,
      )
    log(`| ${name} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`)
  }
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  const memoryRow = (name: string, value: (result: SizeResult) => number) =>
    log(
      `| ${name} | ${results.map((result) => mb(value(result))).join(' | ')} | ${results
        .slice(1)
        .map((result) => ratio(value(result), value(first)))
        .join(' | ')} |`,
    )
  memoryRow('RSS after start', (result) => result.idleRSS)
  memoryRow('peak RSS, search in memory', (result) => result.peakRSS)
  memoryRow('peak RSS, search in the database', (result) => result.searchDatabaseRSS)
  const errors = results.flatMap((result) => result.figures.filter((figure) => figure.measure.errors > 0))
  if (errors.length) log(`\nErrors: ${errors.map((figure) => `${figure.name} ${figure.measure.errors}`).join(', ')}`)
}

async function main() {
  ensureDevlogBuild()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-bench-growth-'))
  const files = Object.fromEntries(SIZES.map((size) => [size, path.join(dir, `posts-${size}.db`)])) as Record<
    (typeof SIZES)[number],
    string
  >
  const self = (file: string, ...args: string[]) =>
    run(process.execPath, ['--conditions=production', bundle, 'seed', ...args], {
      DATABASE_URI: `file:${file}`,
      MEDIA_DIR: path.join(dir, 'media'),
      NODE_ENV: 'production',
      PAYLOAD_SECRET: SECRET,
    })
  try {
    log(`Seeding 1,000 posts (${TAG_NAMES.length} tags)…`)
    self(files[1_000], '0', '1000')
    fs.copyFileSync(files[1_000], files[10_000])
    log('Seeding 9,000 more…')
    self(files[10_000], '1000', String(SEEDED))
    fs.copyFileSync(files[10_000], files[100_000])
    log('Copying to 100,000…')
    multiply(files[100_000], 10)
    const results: SizeResult[] = []
    for (const size of SIZES) {
      log(`Loading ${size.toLocaleString('en')} posts (${CONNECTIONS} connections, ${DURATION_S} s per endpoint)…`)
      results.push(await measureSize(files[size], size, dir))
    }
    report(results)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const [mode, ...args] = process.argv.slice(2)
if (mode === 'seed') {
  await seed(Number(args[0]), Number(args[1]))
  process.exit(0)
}
await main()
process.exit(0)
