/**
 * Requests an outside probe and schemathesis answered with a 500 (issue #36, item 4): each is now
 * a 4xx saying what is wrong, and the server logs nothing at `error` for any of them.
 */
import { request, type IncomingMessage } from 'node:http'

import {
  databaseEnv,
  describeOnEachDatabase,
  registerFirstUser,
  startServer,
  type RunningServer,
} from '../helpers/server'

describeOnEachDatabase('malformed requests on the server', (kind) => {
  let server: RunningServer
  let token: string
  let logged: number

  const send = async (path: string, init: RequestInit & { signedIn?: boolean } = {}) => {
    const { signedIn, ...rest } = init
    const headers = new Headers(rest.headers)
    if (signedIn) headers.set('authorization', `JWT ${token}`)
    if (typeof rest.body === 'string') headers.set('content-type', 'application/json')
    const response = await fetch(`${server.url}${path}`, { ...rest, headers })
    return { status: response.status, text: await response.text() }
  }

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    token = await registerFirstUser(server, { email: 'owner@test.local', password: 'owner-password-1' })
    logged = server.output().length
  }, 90_000)

  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  afterEach(() => {
    // Refusals are the client's matter: nothing at error (pino's 50 and above) for any of them.
    const lines = server.output().slice(logged).split('\n')
    logged = server.output().length
    expect(lines.filter((line) => /"level":(5|6)0/.test(line))).toEqual([])
  })

  it.each([
    '/api/posts/%ff%fe',
    '/api/posts/slug/%ff%fe',
    '/tags/%ff%fe/feed.xml',
    '/ghost/api/content/posts/slug/%ff%fe/?key=x',
  ])('answers a path that is not UTF-8 percent-encoding with a 400: %s', async (path) => {
    const answer = await send(path)
    expect(answer).toEqual({ status: 400, text: expect.stringContaining('not valid percent-encoded UTF-8') })
  })

  it('answers a method no route has with a 405 naming the ones there are', async () => {
    // fetch refuses to send TRACE: Node's own client does.
    const answer = await new Promise<IncomingMessage>((resolve, reject) =>
      request(`${server.url}/api`, { method: 'TRACE' }, resolve).on('error', reject).end(),
    )
    answer.resume()
    expect(answer.statusCode).toBe(405)
    expect(answer.headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
  })

  it('answers a duplicate of a document with a malformed id with a 400 naming it, signed in or not', async () => {
    for (const signedIn of [false, true]) {
      const answer = await send('/api/posts/abc/duplicate', { method: 'POST', signedIn })
      expect(answer).toEqual({ status: 400, text: expect.stringContaining('id: \\"abc\\" is not a valid id') })
    }
  })

  it('answers a related id that names no document with a 400 on the field', async () => {
    const answer = await send('/api/members', {
      method: 'POST',
      signedIn: true,
      body: JSON.stringify({
        displayName: '없는 계정',
        user: kind === 'sqlite' ? 999_999 : 'ffffffffffffffffffffffff',
      }),
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.text).errors[0].data.errors[0]).toMatchObject({ path: 'user' })
  })

  it('answers a body nested deeper than any document with a 400', async () => {
    const body = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`
    for (const signedIn of [false, true]) {
      const answer = await send('/api/posts', { method: 'POST', signedIn, body })
      expect(answer).toEqual({ status: 400, text: expect.stringContaining('nested more than 100 levels') })
    }
  })

  it("answers the versions of Payload's own collections, a missing file and e-mail verification with 404s", async () => {
    for (const collection of ['payload-jobs', 'payload-kv', 'payload-locked-documents'])
      expect((await send(`/api/${collection}/versions`, { signedIn: true })).status).toBe(404)
    expect(await send('/api/media/file/nope.png')).toEqual({
      status: 404,
      text: expect.stringContaining('No such file'),
    })
    expect((await send('/api/users/verify/abc', { method: 'POST' })).status).toBe(404)
  })
})
