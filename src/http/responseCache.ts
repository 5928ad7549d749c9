import { createHash } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { LRUCache } from 'lru-cache'
import type { SanitizedConfig } from 'payload'

import { onContentChange } from '../delivery/contentEvents'

type Entry = { status: number; headers: Record<string, string>; body: Buffer; etag: string; dependsOn: Set<string> }

export const PUBLIC_API_CACHE = 'public, max-age=60, stale-while-revalidate=300'
// Uploaded files stream from disk and are not worth holding in memory.
const CACHEABLE =
  /^\/(api\/(?!users\/me|graphql|payload-|docs|[^/]+\/file\/)|feed\.(xml|json)|atom\.xml|tags\/|sitemap)/
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

const isAnonymous = (req: Request) =>
  !req.headers.authorization && !/(^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

function etagOf(body: Buffer) {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/**
 * Public GET responses get a strong ETag (a matching If-None-Match answers 304) and CDN cache
 * headers. With `store`, anonymous responses are also kept in memory and dropped as soon as a
 * document of a collection they can show changes; signed-in requests never touch the store.
 */
export function publicResponses(config: SanitizedConfig, { store }: { store: boolean }) {
  const cache = new LRUCache<string, Entry>({
    max: 2_000,
    // Bounds staleness when several instances run: each hears only of its own writes.
    ttl: 60_000,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (entry) => entry.body.length + 512,
  })
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

  const sendEntry = (req: Request, res: Response, entry: Entry) => {
    res.status(entry.status).set(entry.headers)
    if (req.headers['if-none-match'] === entry.etag) res.status(304).end()
    else res.end(req.method === 'HEAD' ? undefined : entry.body)
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !CACHEABLE.test(req.path) || !isAnonymous(req)) return next()
    const key = `${req.method} ${req.originalUrl}`
    const cached = store ? cache.get(key) : undefined
    if (cached) {
      res.set('X-Devlog-Cache', 'hit')
      return sendEntry(req, res, cached)
    }

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
      if (!res.getHeader('cache-control') || /no-store|no-cache|private/.test(String(res.getHeader('cache-control'))))
        res.setHeader('Cache-Control', PUBLIC_API_CACHE)
      if (store) {
        const headers: Record<string, string> = {}
        for (const name of ['content-type', 'cache-control', 'etag', 'content-disposition']) {
          const value = res.getHeader(name)
          if (value !== undefined) headers[name] = String(value)
        }
        cache.set(key, { status: 200, headers, body, etag, dependsOn: dependsOn(req.path) })
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
}
