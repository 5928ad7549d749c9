/**
 * Payload's REST API served by Devlog's server without Next.js in between (`src/http/payloadApi.ts`):
 * what Next's route handler did for a request must still happen — bodies of any kind in, files and
 * cookies out, the admin's pages still Next's.
 */
import { get, type IncomingHttpHeaders } from 'node:http'
import sharp from 'sharp'

import {
  databaseEnv,
  describeOnEachDatabase,
  registerFirstUser,
  startServer,
  type RunningServer,
} from '../helpers/server'

describeOnEachDatabase("Payload's API on the server", (kind) => {
  let server: RunningServer
  let token: string
  const email = 'editor@test.local'
  const password = 'editor-password-1'

  beforeAll(async () => {
    server = await startServer({ ...databaseEnv(kind), CORS_ORIGINS: 'https://front.example.com' })
    token = await registerFirstUser(server, { email, password })
  }, 90_000)

  /** A multipart upload to the media library, as the admin sends it. */
  const upload = (form: FormData) =>
    fetch(`${server.url}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })

  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('takes an upload as multipart form data and serves the file back, byte for byte', async () => {
    const png = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 30, b: 90 } },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'cover.png')
    form.append('_payload', JSON.stringify({ alt: '표지 이미지' }))
    const created = await upload(form)
    expect(created.status).toBe(201)
    const { doc } = await created.json()
    expect(doc).toMatchObject({
      alt: '표지 이미지',
      filename: 'cover.png',
      mimeType: 'image/png',
      width: 640,
      height: 480,
      // Resized by sharp, which the server loads on the first upload rather than at start.
      sizes: { thumbnail: expect.objectContaining({ width: 400, height: 300, mimeType: 'image/png' }) },
    })
    const thumbnail = await fetch(new URL(doc.sizes.thumbnail.url, server.url))
    expect(thumbnail.status).toBe(200)
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).width).toBe(400)

    const file = await fetch(new URL(doc.url, server.url))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true)
    // Data, not a page: nothing in it may run or load, and no page may frame it.
    expect(file.headers.get('content-security-policy')).toBe(
      "default-src 'none';style-src 'unsafe-inline';frame-ancestors 'none'",
    )
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(file.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const head = await fetch(new URL(doc.url, server.url), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')

    // A body that is not an image is refused by name, and nothing is stored.
    const refused = new FormData()
    refused.append('file', new Blob(['not an image'], { type: 'text/plain' }), 'notes.txt')
    refused.append('_payload', JSON.stringify({ alt: 'text' }))
    const answer = await upload(refused)
    expect(answer.status).toBe(400)
    const count = await (await fetch(`${server.url}/api/media/count`)).json()
    expect(count.totalDocs).toBe(1)
  })

  it('sends a JSON answer in one piece, with its length, when no cache has measured it', async () => {
    // Signed in: not a response the cache keeps (which sets the length itself).
    const answer = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      get(`${server.url}/api/users/me`, { headers: { authorization: `JWT ${token}` } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      }).on('error', reject)
    })
    expect(answer.headers['transfer-encoding']).toBeUndefined()
    expect(answer.headers['content-length']).toBe(String(answer.body.length))
    expect(JSON.parse(answer.body.toString('utf8')).user.email).toBe(email)
  })

  it('signs in with a session cookie that signs the next requests in, and signs out', async () => {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((line) => line.startsWith('payload-token='))
    expect(cookie).toMatch(/HttpOnly/i)
    const session = cookie!.split(';', 1)[0]
    // What a browser sends on a same-origin request; a cookie alone (a cross-site form) is not trusted.
    const browser = { cookie: session, 'sec-fetch-site': 'same-origin' }
    const me = await fetch(`${server.url}/api/users/me`, { headers: browser })
    expect((await me.json()).user.email).toBe(email)
    const cookieOnly = await fetch(`${server.url}/api/users/me`, { headers: { cookie: session } })
    expect((await cookieOnly.json()).user).toBeNull()

    const logout = await fetch(`${server.url}/api/users/logout`, {
      method: 'POST',
      headers: { ...browser, origin: server.url },
    })
    expect(logout.status).toBe(200)
    const cleared = logout.headers.getSetCookie().find((line) => line.startsWith('payload-token='))
    expect(cleared).toMatch(/^payload-token=;/)
    // The session itself has ended: the old cookie no longer signs anyone in.
    const after = await fetch(`${server.url}/api/users/me`, { headers: browser })
    expect((await after.json()).user).toBeNull()
  })

  it("lists the allowed methods and headers on a preflight's answer only", async () => {
    const origin = 'https://front.example.com'
    const preflight = await fetch(`${server.url}/api/posts`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/\bGET\b/)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/\bAuthorization\b/i)

    // Browsers read those two on a preflight's answer only; the read itself needs the origin's.
    for (const path of ['/api/posts?limit=1', `/api/graphql?query=${encodeURIComponent('{ Tags { totalDocs } }')}`]) {
      for (const attempt of ['miss', 'hit']) {
        const read = await fetch(`${server.url}${path}`, { headers: { origin } })
        expect({ path, attempt, status: read.status, cache: read.headers.get('x-devlog-cache') }).toEqual({
          path,
          attempt,
          status: 200,
          cache: attempt,
        })
        expect(read.headers.get('access-control-allow-origin')).toBe(origin)
        expect(read.headers.get('access-control-allow-methods')).toBeNull()
        expect(read.headers.get('access-control-allow-headers')).toBeNull()
      }
    }
  })

  it("leaves the admin's pages to Next.js", async () => {
    const page = await fetch(`${server.url}/admin/login`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self' 'unsafe-inline'/)
    expect(await page.text()).toContain('Devlog')
  })
})
