/**
 * Ghost comparison (#18): Ghost 6.65 and Devlog side by side on the same 1,000 posts, each read
 * through Ghost's Content API, which Devlog also answers, so both servers get the very same
 * requests; Devlog's own read of a post (`/api/posts/slug/:slug?body=html`) is measured beside
 * them. Both run uncached (Ghost's public-posts cache is off unless configured; Devlog's response
 * cache is turned off), on SQLite, loaded in turns with autocannon over loopback.
 *
 * Devlog is seeded through its Local API (bench/seedCorpus.ts); Ghost through its Admin API, each
 * post's HTML and fields as Devlog's Content API gives them (Ghost turns the HTML into Lexical and
 * renders its own). Ghost is installed into build/ghost by bench/ghost/install.sh when missing
 * (or taken from `GHOST_DIR`). Run with `npm run bench:ghost` after `npm run build`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { corpusPost } from './corpus'
import {
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
  type Request,
  type Server,
  type TurnResults,
} from './harness'
import { corpusDocuments, createPosts, createTags } from './seedCorpus'

const bundle = path.join(root, 'build/bench/ghost.js')
const ghostDir = process.env.GHOST_DIR || path.join(root, 'build/ghost/package')
const OWNER = { email: 'bench@example.com', password: 'Qx7!devlog-bench-Zp93' }

type Target = 'ghost' | 'devlog'
type Endpoint = { name: string; target: number; ghost: Request; devlog: Request }

// ---------------------------------------------------------------------------------------------
// Devlog's seeding (a child process of this bundle)

/**
 * The corpus published into Devlog with an author (Ghost gives every post one, and both servers
 * are asked to include it), and a Content API key for it written to `dir/devlog-key`.
 */
async function seedDevlog(dir: string) {
  const { default: config } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  const author = await payload.create({
    collection: 'users',
    data: { name: 'Benchmark', email: OWNER.email, password: OWNER.password },
  })
  const tagIds = await createTags(payload, (name) => ({ name }))
  const createMs = await createPosts(payload, corpusDocuments(payload, POSTS), tagIds, {
    data: (post) => ({ ...post, authors: [author.id] }),
  })
  log(`  devlog: ${POSTS} posts created in ${(createMs / 1000).toFixed(1)} s`)
  const { key } = await payload.create({ collection: 'content-api-keys', data: { name: 'benchmark' } })
  fs.writeFileSync(path.join(dir, 'devlog-key'), key!)
  await payload.destroy()
}

// ---------------------------------------------------------------------------------------------
// Ghost

function ensureInstalls() {
  ensureDevlogBuild()
  if (!fs.existsSync(path.join(ghostDir, 'index.js'))) {
    if (process.env.GHOST_DIR) throw new Error(`GHOST_DIR=${ghostDir} holds no Ghost (no index.js)`)
    log('Installing Ghost into build/ghost (bench/ghost/install.sh)…')
    run('bash', [path.join(root, 'bench/ghost/install.sh'), path.dirname(ghostDir)])
  }
}

/** Ghost in production on a SQLite file of its own, logging to stdout only. */
async function startGhost(dir: string): Promise<Server> {
  const contentPath = path.join(dir, 'ghost-content')
  fs.cpSync(path.join(ghostDir, 'content'), contentPath, { recursive: true })
  return startProcess(
    [path.join(ghostDir, 'index.js'), '--url=http://127.0.0.1:$PORT', '--server:host=127.0.0.1', '--server:port=$PORT'],
    {
      NODE_ENV: 'production',
      database__client: 'sqlite3',
      database__connection__filename: path.join(dir, 'ghost.db'),
      database__useNullAsDefault: 'true',
      paths__contentPath: contentPath,
      // A new device's sign-in would otherwise wait for a code sent by e-mail.
      security__staffDeviceVerification: 'false',
      logging__transports: '["stdout"]',
    },
    '/ghost/api/admin/site/',
  )
}

type AdminRequest = <Answer>(method: string, path: string, body?: unknown) => Promise<Answer>
type Ghost = { contentKey: string; adminRequest: AdminRequest }
type ContentPost = {
  title: string
  slug: string
  html: string
  custom_excerpt: string | null
  published_at: string
  tags: { name: string }[]
}

/** Makes Ghost's owner, signs in, and creates an integration for its Content API key. */
async function setUpGhost(server: Server): Promise<Ghost> {
  let cookie = ''
  const adminRequest: AdminRequest = async (method, apiPath, body) => {
    const response = await fetch(`${server.url}/ghost/api/admin${apiPath}`, {
      method,
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    cookie =
      response.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ') || cookie
    const text = await response.text()
    if (!response.ok) throw new Error(`Ghost ${method} ${apiPath}: ${response.status} ${text.slice(0, 300)}`)
    // Signing in answers with the word "Created" rather than JSON.
    return response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
  }
  await adminRequest('POST', '/authentication/setup/', {
    setup: [{ name: 'Benchmark', blogTitle: 'Benchmark', ...OWNER }],
  })
  await adminRequest('POST', '/session/', { username: OWNER.email, password: OWNER.password })
  const { integrations } = await adminRequest<{ integrations: { api_keys: { type: string; secret: string }[] }[] }>(
    'POST',
    '/integrations/?include=api_keys',
    { integrations: [{ name: 'benchmark' }] },
  )
  const contentKey = integrations[0].api_keys.find((key) => key.type === 'content')!.secret
  return { contentKey, adminRequest }
}

/**
 * Each of Devlog's posts, as its Content API gives it, published into Ghost through the Admin API
 * (`source=html`), its tags made by name; the milliseconds Ghost took.
 */
async function copyPostsToGhost(devlog: Server, devlogKey: string, ghost: Ghost) {
  let ms = 0
  for (let index = 0; index < POSTS; index++) {
    const { body } = await fetchOnce(devlog, {
      path: `/ghost/api/content/posts/slug/${corpusPost(index).slug}/?key=${devlogKey}&include=tags&formats=html`,
    })
    const [post] = (JSON.parse(body.toString()) as { posts: ContentPost[] }).posts
    const started = performance.now()
    await ghost.adminRequest('POST', '/posts/?source=html', {
      posts: [
        {
          title: post.title,
          slug: post.slug,
          html: post.html,
          custom_excerpt: post.custom_excerpt,
          published_at: post.published_at,
          status: 'published',
          tags: post.tags.map((tag) => ({ name: tag.name })),
        },
      ],
    })
    ms += performance.now() - started
    if ((index + 1) % 250 === 0) log(`  ghost: ${index + 1}/${POSTS} posts`)
  }
  return ms
}

// ---------------------------------------------------------------------------------------------
// The run

function endpoints(slug: string, ghostKey: string, devlogKey: string): Endpoint[] {
  const contentApi = (apiPath: string, key: string) => ({ path: `/ghost/api/content${apiPath}key=${key}` })
  const bySlug = `/posts/slug/${slug}/?include=tags,authors&`
  const list = '/posts/?include=tags,authors&'
  return [
    {
      name: 'one post by slug (Content API, `include=tags,authors`)',
      target: 1,
      ghost: contentApi(bySlug, ghostKey),
      devlog: contentApi(bySlug, devlogKey),
    },
    {
      name: "one post by slug: Ghost's Content API, Devlog's own `/api/posts/slug/:slug?body=html`",
      target: 1,
      ghost: contentApi(bySlug, ghostKey),
      devlog: { path: `/api/posts/slug/${slug}?body=html` },
    },
    {
      name: 'newest 15 posts (Content API, `include=tags,authors`)',
      target: 1,
      ghost: contentApi(list, ghostKey),
      devlog: contentApi(list, devlogKey),
    },
  ]
}

async function main() {
  ensureInstalls()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-bench-ghost-'))
  const devlogEnv = {
    DATABASE_URI: `file:${path.join(dir, 'devlog.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    NODE_ENV: 'production',
    PAYLOAD_SECRET: SECRET,
  }
  const started: Server[] = []
  const start = async (server: Promise<Server>) => {
    started.push(await server)
    return started.at(-1)!
  }
  try {
    log(`Seeding ${POSTS} posts into Devlog…`)
    run(process.execPath, ['--conditions=production', bundle, 'seed-devlog', dir], devlogEnv)
    const devlogKey = fs.readFileSync(path.join(dir, 'devlog-key'), 'utf8')
    const devlog = await start(
      startProcess(
        ['--conditions=production', path.join(root, 'build/server.js')],
        { ...devlogEnv, RESPONSE_CACHE: 'false' },
        '/readyz',
      ),
    )
    log(`  devlog: ready in ${(devlog.readyMs / 1000).toFixed(2)} s`)
    const ghostServer = await start(startGhost(dir))
    log(`  ghost: ready in ${(ghostServer.readyMs / 1000).toFixed(2)} s`)
    const ghost = await setUpGhost(ghostServer)
    log(`Publishing the same ${POSTS} posts into Ghost through its Admin API…`)
    const ghostMs = await copyPostsToGhost(devlog, devlogKey, ghost)
    log(`  ghost: ${POSTS} posts created in ${(ghostMs / 1000).toFixed(1)} s (one request each)`)

    const list = endpoints(corpusPost(Math.floor(POSTS / 2)).slug, ghost.contentKey, devlogKey)
    const sizes: Record<Target, number[]> = { ghost: [], devlog: [] }
    for (const endpoint of list) {
      sizes.ghost.push((await fetchOnce(ghostServer, endpoint.ghost)).body.length)
      sizes.devlog.push((await fetchOnce(devlog, endpoint.devlog)).body.length)
    }
    log(
      `Loading Ghost and Devlog in turns (${TURNS.rounds} × ${TURNS.durationS} s per endpoint and server, the median kept)…`,
    )
    const results = (await measureInTurns<Target>(
      [
        { target: 'ghost', server: ghostServer, requests: list.map((endpoint) => endpoint.ghost) },
        { target: 'devlog', server: devlog, requests: list.map((endpoint) => endpoint.devlog) },
      ],
      TURNS,
    )) as Required<TurnResults<Target>>
    report(list, results, sizes)
  } finally {
    for (const server of started) await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function report(list: Endpoint[], results: Required<TurnResults<Target>>, sizes: Record<Target, number[]>) {
  const ratio = (value: number, against: number) => `${(value / against).toFixed(2)}×`
  const ms = (value: number) => `${value.toFixed(0)} ms`
  log('')
  log('| endpoint | server | answer | req/s | p50 | p99 | vs Ghost | errors |')
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const [index, endpoint] of list.entries())
    for (const target of ['ghost', 'devlog'] as Target[]) {
      const measure = results[target].measures[index]
      const ghost = results.ghost.measures[index]
      log(
        `| ${endpoint.name} | ${target} | ${(sizes[target][index] / 1024).toFixed(1)} KB | ${measure.requestsPerSecond.toFixed(0)} | ${ms(measure.p50)} | ${ms(measure.p99)} | ` +
          `${ratio(measure.requestsPerSecond, ghost.requestsPerSecond)} | ${measure.errors} |`,
      )
    }
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  log('')
  log(`Peak RSS under load: Ghost ${mb(results.ghost.peakRSS)}, Devlog ${mb(results.devlog.peakRSS)}`)
  log('')
  log('| target | measured | result |')
  log('| --- | ---: | --- |')
  for (const [index, endpoint] of list.entries()) {
    const [ghost, devlog] = [results.ghost.measures[index], results.devlog.measures[index]]
    const met = devlog.requestsPerSecond >= endpoint.target * ghost.requestsPerSecond && devlog.errors === 0
    log(
      `| Devlog uncached, ${endpoint.name} ≥ ${endpoint.target}× Ghost | ` +
        `${ratio(devlog.requestsPerSecond, ghost.requestsPerSecond)} | ${met ? 'met' : 'MISSED'} |`,
    )
  }
}

const [mode, ...args] = process.argv.slice(2)
if (mode === 'seed-devlog') await seedDevlog(args[0])
else await main()
process.exit(0)
