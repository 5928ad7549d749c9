/**
 * Property-based fuzzing of Devlog's server as clients reach it (issue #36): paths with any
 * percent-escapes, any method, odd cookies, languages, content types and authorisations. Whatever
 * is sent, the answer is never a 5xx and the server logs nothing at `error`.
 */
import { request } from 'node:http'
import fc from 'fast-check'

import {
  databaseEnv,
  describeOnEachDatabase,
  registerFirstUser,
  startServer,
  type RunningServer,
} from '../helpers/server'

const ROUTES = [
  '/api/posts/{}',
  '/api/posts/slug/{}',
  '/api/posts/{}/duplicate',
  '/api/tags/{}/feed.xml',
  '/tags/{}/feed.xml',
  '/api/{}/versions',
  '/api/users/verify/{}',
  '/api/media/file/{}',
  '/ghost/api/content/posts/slug/{}/',
  '/api/graphql?query={}',
  '/sitemap.xml?page={}',
  '/api/{}',
]
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'M-SEARCH']

/** Text as a client may put it in a URL: plain characters, good and broken percent-escapes. */
const pathText = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/),
      fc.integer({ min: 0, max: 255 }).map((byte) => `%${byte.toString(16).padStart(2, '0')}`),
      fc.constantFrom('%', '%e', '%zz', '%c3%28', '%f0%9f%92%a9', '..', '%2e%2e', '%00', encodeURIComponent('한글')),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''))

describeOnEachDatabase('the server under fuzzing', (kind) => {
  let server: RunningServer
  let token: string

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    token = await registerFirstUser(server, { email: 'owner@test.local', password: 'owner-password-1' })
  }, 90_000)

  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  const send = (path: string, method: string, headers: Record<string, string>, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL(server.url)
      // A connection each: a refused request may leave its body unread on a kept-alive socket.
      const options = { host: url.hostname, port: url.port, path, method, headers, agent: false }
      const outgoing = request(options, (answer) => {
        answer.resume()
        answer.on('end', () => resolve(answer.statusCode ?? 0))
      })
      outgoing.on('error', (error) => reject(new Error(`${method} ${path}: ${error.message}`)))
      outgoing.end(body)
    })

  it('answers every path, method and header shape with less than a 5xx, logging no error', async () => {
    const logged = server.output().length
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        pathText,
        fc.constantFrom(...METHODS),
        fc.record(
          {
            cookie: fc.constantFrom('payload-token =x', ' payload-token=x; a=b', 'payload-lng=ko', '=;=;', 'a'),
            'accept-language': fc.constantFrom('ko-KR,ko;q=0.9', '*', 'xx', ';q=', 'en-US'),
            'content-type': fc.constantFrom('application/json', 'text/csv', 'multipart/form-data', 'x/y', ''),
            authorization: fc.constantFrom('JWT x', 'Bearer', 'users API-Key x', `JWT ${'a'.repeat(300)}`),
          },
          { requiredKeys: [] },
        ),
        fc.option(fc.constantFrom('{', '{}', '[]', 'null', '{"title":1}', '--x\r\nbroken'), { nil: undefined }),
        fc.boolean(),
        async (route, text, method, headers, body, signedIn) => {
          const sent = { ...headers, ...(signedIn ? { authorization: `JWT ${token}` } : {}) }
          const status = await send(
            route.replace('{}', text),
            method,
            sent,
            method === 'GET' || method === 'HEAD' ? undefined : body,
          )
          if (status >= 500)
            throw new Error(`${status} for ${method} ${route.replace('{}', text)} ${JSON.stringify(sent)}`)
        },
      ),
      { numRuns: 300, seed: 36 },
    )
    const errors = server
      .output()
      .slice(logged)
      .split('\n')
      .filter((line) => /"level":(5|6)0/.test(line))
    expect(errors).toEqual([])
  }, 120_000)
})
