import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { graphQLOverGet, guardGraphQLRequests } from '../../collections'

type WebHandler = (request: Request) => Promise<Response>

/**
 * Payload's REST API and GraphQL answered from Node's HTTP server, through the same handlers the
 * Next.js routes of Payload's app template call (`handleEndpoints`, `GRAPHQL_POST`), without
 * Next's request handling around them. The API is then served as soon as Payload is up, before
 * Next has prepared, and the API route's bundle, a second copy of the config and the plugins, is
 * never loaded. `handles` says which requests are the API's: the GraphQL playground and the
 * admin's Open Graph image stay with Next, which renders them.
 */
export function payloadApi(config: SanitizedConfig) {
  const api = config.routes.api
  const graphQLPath = `${api}${config.routes.graphQL}`
  const nextOnly = new Set([`${api}${config.routes.graphQLPlayground}`, `${api}/og`])
  let graphQL: Promise<Record<string, WebHandler>> | undefined
  // Loaded on the first query: `@payloadcms/next/routes` brings the admin's image renderer along.
  const graphQLHandlers = () =>
    (graphQL ??= import('@payloadcms/next/routes').then(({ GRAPHQL_POST }): Record<string, WebHandler> => ({
      ...graphQLOverGet(guardGraphQLRequests(GRAPHQL_POST(config))),
      OPTIONS: (request) => handleEndpoints({ config, request }),
    })))

  const handles = (req: IncomingMessage) => {
    const path = pathOf(req)
    return (path === api || path.startsWith(`${api}/`)) && !nextOnly.has(path)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const request = toWebRequest(req)
    let response: Response
    if (pathOf(req) === graphQLPath) {
      const handler = (await graphQLHandlers())[request.method]
      response = !handler
        ? methodNotAllowed()
        : request.method === 'POST' && !/^application\/json\b/.test(request.headers.get('content-type') ?? '')
          ? notJson()
          : await handler(request)
    } else {
      response = await handleEndpoints({ config, request })
    }
    await send(response, res, request.method)
  }

  return { handles, handle }
}

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?', 1)[0]

// Payload's GraphQL route reads any other body as an upload and fails outside its own error handling.
const notJson = () =>
  Response.json({ errors: [{ message: 'GraphQL over POST takes an application/json body.' }] }, { status: 415 })

const methodNotAllowed = () =>
  Response.json(
    { errors: [{ message: 'Method not allowed.' }] },
    { status: 405, headers: { Allow: 'GET, POST, OPTIONS' } },
  )

function toWebRequest(req: IncomingMessage): Request {
  // From `req.headers`, not the raw ones: the middleware in front sets some (the client's address).
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const protocol = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http'
  // Node has checked the Host header's characters, not that it forms a URL: fall back rather than fail.
  let url: URL
  try {
    url = new URL(req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`)
  } catch {
    url = new URL(req.url ?? '/', `${protocol}://localhost`)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)
}

// Browsers read these only on a preflight's answer (Fetch standard, CORS protocol); Payload adds
// them to every answer, where they are 250 bytes each client parses and each cache stores.
const PREFLIGHT_ONLY = new Set(['access-control-allow-methods', 'access-control-allow-headers'])

async function send(response: Response, res: ServerResponse, method: string) {
  // Answered already: the request's deadline passed while Payload worked (`requestDeadline`).
  if (res.headersSent) {
    await response.body?.cancel()
    return
  }
  res.statusCode = response.status
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie' || (method !== 'OPTIONS' && PREFLIGHT_ONLY.has(name))) continue
    res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('Set-Cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  // JSON is made whole in memory (`Response.json`): taken whole, it skips the web stream, which
  // took as long again as making the answer (262 against 140 µs for a 19 KB post, in a loop here).
  if (response.headers.get('content-type')?.startsWith('application/json')) {
    const body = Buffer.from(await response.arrayBuffer())
    res.setHeader('Content-Length', body.length)
    res.end(body)
    return
  }
  // A stream, so a file download is not held in memory.
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res)
  } catch (error) {
    // A client that went away mid-answer is nothing to report.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error
  }
}
