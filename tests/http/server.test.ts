import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'

import {
  databaseEnv,
  describeOnEachDatabase,
  describeWithBuild,
  freePort,
  spawnServer,
  startServer,
  type RunningServer,
} from '../helpers/server'

type LogLine = Record<string, unknown>

/** The server's JSON log lines so far. */
const logLines = (server: { output: () => string }) =>
  server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)

/** The request lines for `url`, once `count` of them have been written (or 2 s have passed). */
async function requestLines(server: RunningServer, url: string, count: number) {
  const lines = () => logLines(server).filter((line) => line.msg === 'request' && line.url === url)
  for (let waited = 0; lines().length < count && waited < 2_000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50))
  // A moment more, so a line too many would show.
  await new Promise((resolve) => setTimeout(resolve, 100))
  return lines()
}

async function graphql(url: string, query: string, token?: string) {
  const response = await fetch(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query }),
  })
  return { status: response.status, body: await response.json() }
}

describeWithBuild('the production server over a fresh SQLite file', () => {
  let server: RunningServer
  let token: string

  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok' })
  })

  it('created the schema from the committed migrations: the REST API answers', async () => {
    const response = await fetch(`${server.url}/api/posts`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ docs: [], totalDocs: 0 })
  })

  it('logs each request the app answers as one JSON line in production, and no line for a cache hit', async () => {
    const first = await fetch(`${server.url}/api/tags?limit=2`)
    const second = await fetch(`${server.url}/api/tags?limit=2`)
    expect([first.headers.get('x-devlog-cache'), second.headers.get('x-devlog-cache')]).toEqual(['miss', 'hit'])
    // The line is written when the response finishes, which may be just after the client has it.
    expect(await requestLines(server, '/api/tags?limit=2', 1)).toEqual([
      expect.objectContaining({ level: 30, method: 'GET', status: 200, durationMs: expect.any(Number) }),
    ])
  })

  it('serves the admin as HTML with security headers and compression', async () => {
    const response = await fetch(`${server.url}/admin`, { headers: { 'accept-encoding': 'gzip' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('x-powered-by')).toBeNull()
    expect(await response.text()).toMatch(/<html/i)
  })

  it('lets the first user register as admin, then keeps drafts from anonymous clients', async () => {
    // The demo's password, published in the README, opens no account of a production server.
    const demoPassword = await fetch(`${server.url}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@test.local', password: 'devlog-admin' }),
    })
    expect(demoPassword.status).toBe(400)
    expect(JSON.stringify(await demoPassword.json())).toMatch(/"path":"password".*published/)
    const register = await fetch(`${server.url}/api/users/first-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@test.local', password: 'owner-password-1' }),
    })
    expect(register.status).toBe(200)
    const registered = await register.json()
    expect(registered.user.roles).toEqual(['admin'])
    token = registered.token

    const auth = { 'content-type': 'application/json', authorization: `JWT ${token}` }
    const draft = await fetch(`${server.url}/api/posts?draft=true`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: '아직 쓰는 중', _status: 'draft' }),
    })
    expect(draft.status).toBe(201)
    const draftId = (await draft.json()).doc.id
    const published = await fetch(`${server.url}/api/posts`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Published over REST', _status: 'published' }),
    })
    expect(published.status).toBe(201)

    const anonymousList = await (await fetch(`${server.url}/api/posts`)).json()
    expect(anonymousList.docs.map((doc: { title: string }) => doc.title)).toEqual(['Published over REST'])
    expect((await fetch(`${server.url}/api/posts/${draftId}`)).status).toBe(404)

    const anonymousGraphql = await graphql(server.url, '{ Posts { docs { title _status } } }')
    expect(anonymousGraphql.body.data.Posts.docs).toEqual([{ title: 'Published over REST', _status: 'published' }])
    const editorGraphql = await graphql(server.url, '{ Posts(draft: true) { totalDocs } }', token)
    expect(editorGraphql.body.data.Posts.totalDocs).toBe(2)
  })

  it('throttles logins by the socket address, whatever address headers a client invents', async () => {
    const attempt = (spoofed: number) =>
      fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-devlog-client-address': `192.0.2.${spoofed}`,
          'x-forwarded-for': `198.51.100.${spoofed}`,
        },
        body: JSON.stringify({ email: 'owner@test.local', password: 'not-the-password-1' }),
      })
    for (let spoofed = 1; spoofed <= 5; spoofed++) expect((await attempt(spoofed)).status).toBe(401)
    const throttled = await attempt(6)
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    const graph = await graphql(
      server.url,
      'mutation { loginUser(email: "owner@test.local", password: "not-the-password-1") { token } }',
    )
    expect(JSON.stringify(graph.body)).toMatch(/Too many failed logins/)
  })

  it('answers GraphQL queries filtered by slug', async () => {
    const { status, body } = await graphql(
      server.url,
      '{ Posts(where: { slug: { equals: "published-over-rest" } }) { docs { title slug } } }',
    )
    expect(status).toBe(200)
    expect(body.data.Posts.docs).toEqual([{ title: 'Published over REST', slug: 'published-over-rest' }])
  })

  it('refuses an invalid slug with a 400 naming the field, and stores nothing', async () => {
    const response = await fetch(`${server.url}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: 'Bad slug', slug: 'Bad Slug!' }),
    })
    expect(response.status).toBe(400)
    const [error] = (await response.json()).errors
    expect(error).toMatchObject({ name: 'ValidationError', message: 'The following field is invalid: Slug' })
    expect(error.data.errors).toEqual([
      expect.objectContaining({ path: 'slug', message: expect.stringMatching(/slug/i) }),
    ])
    const count = await (
      await fetch(`${server.url}/api/posts/count?draft=true`, { headers: { authorization: `JWT ${token}` } })
    ).json()
    expect(count.totalDocs).toBe(2)
  })

  it('logs refused requests (failed logins, unknown slugs, bad input) at info without a stack, never at error', async () => {
    const from = server.output().length
    const answers = [
      await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@test.local', password: 'a-wrong-password-1' }),
      }),
      await fetch(`${server.url}/api/posts/slug/${encodeURIComponent('없는-글')}`),
      await fetch(`${server.url}/api/posts?limit=-3`),
      await fetch(`${server.url}/api/retrospectives`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ period: { kind: 'year', year: 2020 }, sections: 'three' }),
      }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([401, 404, 400, 400])
    await new Promise((resolve) => setTimeout(resolve, 500))
    const lines = server
      .output()
      .slice(from)
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; err?: { stack?: string } })
    expect(lines.filter((line) => line.level >= 50)).toEqual([])
    expect(lines.filter((line) => line.err?.stack)).toEqual([])
  })
})

describeWithBuild('server lifecycle', () => {
  it('finishes an in-flight request on SIGTERM, then exits 0 within 10 s', async () => {
    const server = await startServer()
    const inFlight = fetch(`${server.url}/admin`)
    await new Promise((resolve) => setTimeout(resolve, 30))
    const started = Date.now()
    const exitCode = server.stop('SIGTERM')
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await exitCode).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(server.output()).toMatch(/SIGTERM received/)
  })

  it('writes how many requests the response cache answered when it stops', async () => {
    const server = await startServer()
    const statuses = []
    for (let i = 0; i < 4; i++)
      statuses.push((await fetch(`${server.url}/api/posts?limit=3`)).headers.get('x-devlog-cache'))
    expect(statuses).toEqual(['miss', 'hit', 'hit', 'hit'])
    expect(await server.stop('SIGTERM')).toBe(0)
    expect(logLines(server).filter((line) => line.msg === 'requests answered from the response cache')).toEqual([
      expect.objectContaining({ level: 30, cacheHits: 3 }),
    ])
  })

  it('logs each cache hit at LOG_LEVEL=debug', async () => {
    const server = await startServer({ LOG_LEVEL: 'debug' })
    try {
      for (let i = 0; i < 2; i++) await fetch(`${server.url}/api/posts?limit=3`)
      expect(await requestLines(server, '/api/posts?limit=3', 2)).toEqual([
        expect.objectContaining({ level: 30, status: 200 }),
        expect.objectContaining({ level: 20, status: 200, durationMs: expect.any(Number) }),
      ])
    } finally {
      await server.stop('SIGKILL')
    }
  })

  it('stops with a clear message when the port is in use', async () => {
    const port = await freePort()
    const blocker = net.createServer().listen(port)
    try {
      const { exited, output } = spawnServer({ port })
      expect(await exited).toBe(1)
      expect(output()).toMatch(new RegExp(`port ${port} is already in use`))
    } finally {
      blocker.close()
    }
  })
})

describeWithBuild('startup configuration errors', () => {
  // An empty value, not an absent one: a developer's .env must not fill it in.
  it('refuses to start in production without PAYLOAD_SECRET', async () => {
    const { exited, output } = spawnServer({ env: { PAYLOAD_SECRET: '' } })
    expect(await exited).toBe(1)
    expect(output()).toMatch(/Devlog cannot start: PAYLOAD_SECRET is not set/)
  })

  it('refuses a short PAYLOAD_SECRET', async () => {
    const { exited, output } = spawnServer({ env: { PAYLOAD_SECRET: 'too-short' } })
    expect(await exited).toBe(1)
    expect(output()).toMatch(/PAYLOAD_SECRET is too short/)
  })

  it('refuses a request limit that is not a positive whole number', async () => {
    const { exited, output } = spawnServer({ env: { MAX_CONCURRENT_REQUESTS: 'many' } })
    expect(await exited).toBe(1)
    expect(output()).toMatch(
      /Devlog cannot start: MAX_CONCURRENT_REQUESTS must be a whole number from 1 to 10000, got "many"/,
    )
  })

  it('refuses a LOG_LEVEL pino does not have', async () => {
    const { exited, output } = spawnServer({ env: { LOG_LEVEL: 'verbose' } })
    expect(await exited).toBe(1)
    expect(output()).toMatch(
      /Devlog cannot start: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "verbose"/,
    )
  })

  it("refuses a heap growth that is not a whole percentage before it sets V8's flag", async () => {
    const { exited, output } = spawnServer({ env: { HEAP_GROWING_PERCENT: '30%' } })
    expect(await exited).toBe(1)
    expect(output()).toMatch(
      /Devlog cannot start: HEAP_GROWING_PERCENT must be a whole number from 0 to 1000, got "30%"/,
    )
  })

  it('refuses an unsupported DATABASE_URI scheme, naming the accepted ones', async () => {
    const { exited, output } = spawnServer({ env: { DATABASE_URI: 'postgres://localhost/devlog' } })
    expect(await exited).toBe(1)
    expect(output()).toMatch(/DATABASE_URI has an unsupported scheme "postgres:".*mongodb\+srv:\/\//)
  })

  it('refuses, in production, a database whose folder does not exist, and creates nothing', async () => {
    const missing = path.join(os.tmpdir(), `devlog-missing-${process.pid}`, 'nested')
    const { exited, output } = spawnServer({ env: { DATABASE_URI: `file:${missing}/devlog.db` } })
    expect(await exited).toBe(1)
    expect(output().trim().split('\n')).toHaveLength(1)
    expect(output()).toMatch(/Devlog cannot start: DATABASE_URI names .*devlog\.db, but the folder .* does not exist/)
    expect(fs.existsSync(missing)).toBe(false)
  })

  it('refuses, in production, a database `npm run dev` built, saying what to do', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-dev-db-'))
    const file = path.join(dir, 'devlog.db')
    // What Payload's schema push leaves in the file: the `dev` migration of batch -1.
    const client = createClient({ url: `file:${file}` })
    await client.execute('CREATE TABLE payload_migrations (id integer PRIMARY KEY, name text, batch numeric)')
    await client.execute("INSERT INTO payload_migrations (name, batch) VALUES ('dev', -1)")
    client.close()
    const { exited, output } = spawnServer({ env: { DATABASE_URI: `file:${file}` } })
    expect(await exited).toBe(1)
    expect(output().trim().split('\n')).toHaveLength(1)
    expect(output()).toContain(`Devlog cannot start: DATABASE_URI names ${file}, which \`npm run dev\` built`)
    expect(output()).toContain('devlog-production.db')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('stops with one line naming a database file that is not an SQLite database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-corrupt-'))
    const file = path.join(dir, 'devlog.db')
    fs.writeFileSync(file, 'this is not a database, only some text that was copied over it')
    const { exited, output } = spawnServer({ env: { DATABASE_URI: `file:${file}` } })
    expect(await exited).toBe(1)
    expect(output().trim().split('\n')).toHaveLength(1)
    expect(output()).toContain(`Devlog cannot start: DATABASE_URI names ${file}, which is not an SQLite database`)
    fs.rmSync(dir, { recursive: true, force: true })
  })
})

describeOnEachDatabase('the demo site, as `SEED_DEMO=true npm start` serves it,', (kind) => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer({ ...databaseEnv(kind), SEED_DEMO: 'true', ADMIN_PASSWORD: 'demo-admin-password' })
  }, 90_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('is ready, with the demo posts readable by slug and in the feed and search', async () => {
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'ok' })
    const list = (await (await fetch(`${server.url}/api/posts?depth=1&sort=-publishedAt`)).json()) as {
      docs: Array<{ id: number | string; slug: string; title: string; tags: Array<{ name: string }> }>
    }
    expect(list.docs.map((post) => post.title).sort()).toEqual([
      'Kubernetes Pod이 OOMKilled로 재시작될 때 확인할 것들',
      'Prometheus 알림 규칙을 줄이며 배운 것',
      'Reading Terraform plans without fear',
    ])
    // Ids as the database makes them: numbers on SQLite, ObjectId strings on MongoDB.
    for (const post of list.docs) expect(String(post.id)).toMatch(kind === 'sqlite' ? /^\d+$/ : /^[0-9a-f]{24}$/)
    expect(list.docs.every((post) => post.tags.every((tag) => typeof tag.name === 'string'))).toBe(true)

    const [first] = list.docs
    const bySlug = await fetch(`${server.url}/api/posts/slug/${encodeURIComponent(first.slug)}?body=html`)
    expect(bySlug.status).toBe(200)
    expect(((await bySlug.json()) as { doc: object }).doc).toMatchObject({ id: first.id, title: first.title })

    const feed = await (await fetch(`${server.url}/feed.xml`)).text()
    for (const post of list.docs) expect(feed).toContain(`<title><![CDATA[${post.title}]]></title>`)
    const search = (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('Terraform')}`)).json()) as {
      docs: Array<{ title: string }>
    }
    expect(search.docs.map((hit) => hit.title)).toContain('Reading Terraform plans without fear')
  })

  it('lets the demo admin sign in and publish a post that readers then see', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@devlog.local', password: 'demo-admin-password' }),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const created = await fetch(`${server.url}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ title: 'Published over HTTP', _status: 'published' }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number | string; slug: string } }
    const graphql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ PostBySlug(slug: "${doc.slug}") { doc { id title } } }` }),
    })
    expect(await graphql.json()).toEqual({
      data: { PostBySlug: { doc: { id: doc.id, title: 'Published over HTTP' } } },
    })
  })
})
