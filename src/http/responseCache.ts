import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { NextFunction, Request, Response } from 'express'
import { LRUCache } from 'lru-cache'
import { getRequestLanguage, type SanitizedConfig } from 'payload'

import { onContentChange } from '../../collections/delivery/contentEvents'

type Entry = {
  headers: Record<string, string>
  body: Buffer
  etag: string
  dependsOn: Set<string>
  /** What a hit sends, made on the first hit that wants it: nothing is built per hit. */
  plain?: Answer
  gzipped?: Answer
}
type Answer = { headers: Record<string, string | number>; body: Buffer }

// Headers that belong to one response or one connection, not to the content.
const NOT_REPLAYED = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'set-cookie',
  'x-devlog-cache',
])
// The size below which compression() leaves a body as it is.
const GZIP_THRESHOLD = 1024

export const PUBLIC_API_CACHE = 'public, max-age=60, stale-while-revalidate=300'
// Uploaded files stream from disk and are not worth holding in memory.
const CACHEABLE =
  /^\/(api\/(?!users\/me|graphql-playground|payload-|docs|preview|[^/]+\/file\/)|feed\.(xml|json)|atom\.xml|tags\/|sitemap|ghost\/api\/)/
const EVERYTHING = '*'

/** Every collection a collection's documents can show through relationships (at any depth). */
function relatedCollections(config: SanitizedConfig, slug: string, seen = new Set<string>()): Set<string> {
  if (seen.has(slug)) return seen
  seen.add(slug)
  const collection = config.collections.find((candidate) => candidate.slug === slug)
  for (const field of collection?.flattenedFields ?? []) {
    const targets =
      'relationTo' in field
        ? [field.relationTo].flat()
        : 'collection' in field && field.type === 'join'
          ? [field.collection].flat()
          : []
    for (const target of targets) relatedCollections(config, String(target), seen)
  }
  return seen
}

/**
 * A request's cookies as Payload's own request parser reads them (names trimmed, so
 * `payload-token =…` is the token too), which decides who is signed in.
 */
function cookiesOf(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=')
    if (at === -1) continue
    cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim())
  }
  return cookies
}

// Plain Node requests: hits are answered before Express has parsed anything.
const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?', 1)[0]

/**
 * The headers an anonymous answer depends on: the origin (CORS), and the cookie and
 * Accept-Language Payload picks the language of its messages from; a signed-in answer is never
 * kept. Shared caches are told the same with `Vary`.
 */
const VARY = ['Origin', 'Accept-Language', 'Cookie']

/** Adds what `VARY` names to the response's Vary header, so shared caches keep those answers apart too. */
function varyOnRequestHeaders(res: Response) {
  const vary = String(res.getHeader('vary') ?? '')
  if (/(^|,)\s*\*\s*(,|$)/.test(vary)) return
  const named = new Set(vary.split(',').map((name) => name.trim().toLowerCase()))
  const missing = VARY.filter((name) => !named.has(name.toLowerCase()))
  if (missing.length) res.setHeader('Vary', [vary, ...missing].filter(Boolean).join(', '))
}

const HIT = { 'X-Devlog-Cache': 'hit' }

const answerOf = (entry: Entry, body: Buffer, encoding: Record<string, string> = {}): Answer => ({
  headers: { ...entry.headers, ...HIT, ...encoding, 'Content-Length': body.length },
  body,
})

function etagOf(body: Buffer) {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/**
 * Public GET responses get a strong ETag (a matching If-None-Match answers 304) and CDN cache
 * headers (`record`). With `store`, anonymous responses are also kept in memory and dropped as
 * soon as a document of a collection they can show changes; `answerHit`, called by the HTTP
 * server before the app, answers from the store. Signed-in requests never touch it.
 */
export function publicResponses(
  config: SanitizedConfig,
  { store, maxBytes = 64 * 1024 * 1024 }: { store: boolean; maxBytes?: number },
) {
  // A byte budget, not an entry count: a sitemap page and a tag's post count differ a thousandfold.
  const cache = new LRUCache<string, Entry>({
    // Bounds staleness when several instances run: each hears only of its own writes.
    ttl: 60_000,
    maxSize: maxBytes,
    // The body, its gzipped copy once made, and the headers and key around them.
    sizeCalculation: (entry) => Math.ceil(entry.body.length * 1.3) + 512,
  })
  const tokenCookie = `${config.cookiePrefix || 'payload'}-token`
  /** The anonymous request's cache key, or null when the request is signed in or not cacheable. */
  const keyOf = (req: IncomingMessage): string | null => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !CACHEABLE.test(pathOf(req))) return null
    if (req.headers.authorization) return null
    const cookies = cookiesOf(req)
    if (cookies.has(tokenCookie)) return null
    // The one header Payload reads here, without building a Headers object on every hit.
    const acceptLanguage = req.headers['accept-language'] ?? null
    const headers = { get: (name: string) => (name.toLowerCase() === 'accept-language' ? acceptLanguage : null) }
    const language = getRequestLanguage({ config, cookies, headers: headers as Headers })
    // `url` is the whole request target here: the cache sits in front of any router that could
    // rewrite it. A HEAD is answered from the GET's entry (its headers, no body).
    return `GET ${req.headers.origin ?? ''} ${language} ${req.url}`
  }
  const dependencies = new Map<string, Set<string>>()
  // A collection's list or one document shows that collection and what it relates to; custom
  // endpoints (rosters, timelines, search) and feeds may show anything.
  const dependsOn = (path: string): Set<string> => {
    const slug = /^\/api\/([^/]+)(?:\/[^/]+)?\/?$/.exec(path)?.[1]
    if (!slug || !config.collections.some((collection) => collection.slug === slug)) return new Set([EVERYTHING])
    if (!dependencies.has(slug)) dependencies.set(slug, relatedCollections(config, slug))
    return dependencies.get(slug)!
  }
  onContentChange((collection) => {
    for (const [key, entry] of cache.entries()) {
      if (entry.dependsOn.has(collection) || entry.dependsOn.has(EVERYTHING)) cache.delete(key)
    }
  })

  /**
   * Answers a hit, and says whether it did, before the request reaches Express: a hit needs none
   * of the app's middleware, and the stored headers already hold what the security headers and the
   * rest of the chain added when the response was made.
   */
  const answerHit = (req: IncomingMessage, res: ServerResponse): boolean => {
    const key = store ? keyOf(req) : null
    const entry = key === null ? undefined : cache.get(key)
    if (!entry) return false
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, { ...entry.headers, ...HIT })
      res.end()
      return true
    }
    const acceptEncoding = req.headers['accept-encoding']
    const answer =
      entry.body.length >= GZIP_THRESHOLD && acceptEncoding && /\bgzip\b/.test(acceptEncoding)
        ? (entry.gzipped ??= answerOf(entry, gzipSync(entry.body), { 'Content-Encoding': 'gzip' }))
        : (entry.plain ??= answerOf(entry, entry.body))
    res.writeHead(200, answer.headers)
    res.end(req.method === 'HEAD' ? undefined : answer.body)
    return true
  }

  const record = (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf(req)
    if (key === null) return next()

    // Hold the response back until it is complete, to hash it (and keep it).
    const chunks: Buffer[] = []
    const write = res.write.bind(res)
    const end = res.end.bind(res)
    const writeHead = res.writeHead.bind(res)
    const flushHeaders = res.flushHeaders.bind(res)
    // Next sends its headers early; keep them unsent so the ETag can still be added.
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as
        Record<string, string | string[]> | string[] | undefined
      if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1])
      else if (headers)
        for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value)
      return res
    }) as Response['writeHead']
    res.flushHeaders = () => {}
    res.write = ((chunk: unknown, encoding?: BufferEncoding) => {
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding))
      return true
    }) as Response['write']
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      if (chunk && typeof chunk !== 'function')
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding as BufferEncoding))
      res.write = write
      res.end = end
      res.writeHead = writeHead
      res.flushHeaders = flushHeaders
      const body = Buffer.concat(chunks)
      if (res.statusCode !== 200 || res.getHeader('set-cookie')) {
        return end(body)
      }
      const etag = etagOf(body)
      res.setHeader('ETag', etag)
      varyOnRequestHeaders(res)
      if (!res.getHeader('cache-control') || /no-store|no-cache|private/.test(String(res.getHeader('cache-control'))))
        res.setHeader('Cache-Control', PUBLIC_API_CACHE)
      if (store) {
        // Only a GET's answer is kept: an app may leave a HEAD answer's body out.
        if (req.method === 'GET') {
          const headers: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.getHeaders())) {
            if (value !== undefined && !NOT_REPLAYED.has(name))
              headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
          }
          cache.set(key, { headers, body, etag, dependsOn: dependsOn(pathOf(req)) })
        }
        res.setHeader('X-Devlog-Cache', 'miss')
      }
      if (req.headers['if-none-match'] === etag) {
        res.statusCode = 304
        res.removeHeader('content-length')
        return end()
      }
      res.setHeader('content-length', body.length)
      return end(req.method === 'HEAD' ? undefined : body)
    }) as Response['end']
    next()
  }

  return { answerHit, record }
}
