import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import express from 'express'
import type { SanitizedConfig } from 'payload'

import { publicResponses } from '../../src/http/responseCache'

/** An app with the response cache in front of answers of a given size. */
async function serve(maxBytes: number) {
  const config = {
    collections: [],
    cookiePrefix: 'payload',
    i18n: { supportedLanguages: { en: {}, ko: {} }, fallbackLanguage: 'en' },
  } as unknown as SanitizedConfig
  const { answerHit, record } = publicResponses(config, { store: true, maxBytes })
  const app = express()
  app.use(record)
  app.get('/api/things/:size', (req, res) => {
    res.json({ filler: 'x'.repeat(Number(req.params.size)) })
  })
  // An answer that shows who asks, as a signed-in reader's drafts would, and in their language.
  app.get('/api/whoami', (req, res) => {
    res.json({ cookie: req.headers.cookie ?? null, language: req.headers['accept-language'] ?? null })
  })
  // As Devlog's server does: the cache answers before the app.
  const server = createServer((req, res) => answerHit(req, res) || app(req, res)).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const cacheOf = async (path: string) => (await fetch(`${base}${path}`)).headers.get('x-devlog-cache')
  return { base, cacheOf, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** A raw request, so the body arrives as sent (fetch would ask for gzip and inflate it). */
function rawRequest(
  url: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> },
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })
}

describe('the response cache', () => {
  it('keeps answers within its byte budget, the least recently used leaving first', async () => {
    // 100 KB of budget: three answers of 10 KB fit; a 60 KB one pushes out the two least recently used.
    const { cacheOf, close } = await serve(100 * 1024)
    try {
      for (const size of [10_000, 10_001, 10_002]) expect(await cacheOf(`/api/things/${size}`)).toBe('miss')
      expect(await cacheOf('/api/things/10002')).toBe('hit')
      expect(await cacheOf('/api/things/60000')).toBe('miss')
      expect(await cacheOf('/api/things/60000')).toBe('hit')
      expect(await cacheOf('/api/things/10002')).toBe('hit')
      expect(await cacheOf('/api/things/10000')).toBe('miss')
      // An answer larger than the whole budget is served and never kept.
      expect(await cacheOf('/api/things/200000')).toBe('miss')
      expect(await cacheOf('/api/things/200000')).toBe('miss')
    } finally {
      await close()
    }
  })

  it('never takes a signed-in request for an anonymous one, and keeps languages and origins apart', async () => {
    const { base, close } = await serve(1024 * 1024)
    try {
      const get = (headers: Record<string, string>) => rawRequest(`${base}/api/whoami`, { headers })
      expect((await get({})).headers['x-devlog-cache']).toBe('miss')
      // However Payload would read the token cookie, the answer is neither served from nor kept in the cache.
      for (const cookie of ['payload-token =abc', 'theme=dark;  payload-token=abc', 'theme=dark;payload-token= abc']) {
        const signedIn = await get({ cookie })
        expect(signedIn.headers['x-devlog-cache']).toBeUndefined()
        expect(JSON.parse(signedIn.body.toString()).cookie).toBe(cookie)
      }
      expect(JSON.parse((await get({})).body.toString()).cookie).toBeNull()
      // An answer in Korean is kept for Korean readers only, whether they ask by header or by cookie.
      const korean = await get({ 'accept-language': 'ko-KR,ko;q=0.9' })
      expect(korean.headers['x-devlog-cache']).toBe('miss')
      expect((await get({ 'accept-language': 'ko' })).headers['x-devlog-cache']).toBe('hit')
      expect((await get({ cookie: 'payload-lng=ko' })).headers['x-devlog-cache']).toBe('hit')
      expect(JSON.parse((await get({ 'accept-language': 'en-US' })).body.toString()).language).toBeNull()
      expect(korean.headers.vary).toBe('Origin, Accept-Language, Cookie')
    } finally {
      await close()
    }
  })

  it('answers hits in full, compressed or not, with lengths that match what is sent, again and again', async () => {
    const { base, close } = await serve(1024 * 1024)
    try {
      const url = `${base}/api/things/5000`
      const miss = await rawRequest(url, {})
      expect(miss.headers['x-devlog-cache']).toBe('miss')
      const expected = miss.body.toString()
      expect(JSON.parse(expected).filler).toHaveLength(5000)

      // Each kind twice: the second is answered from what the first one prepared.
      for (let round = 0; round < 2; round++) {
        const plain = await rawRequest(url, {})
        expect(plain.headers).toMatchObject({ 'x-devlog-cache': 'hit', 'content-length': String(plain.body.length) })
        expect(plain.headers['content-encoding']).toBeUndefined()
        expect(plain.body.toString()).toBe(expected)

        const gzipped = await rawRequest(url, { headers: { 'accept-encoding': 'br, gzip' } })
        expect(gzipped.headers).toMatchObject({
          'x-devlog-cache': 'hit',
          'content-encoding': 'gzip',
          'content-length': String(gzipped.body.length),
        })
        expect(gzipped.body.length).toBeLessThan(plain.body.length)
        expect(gunzipSync(gzipped.body).toString()).toBe(expected)

        const head = await rawRequest(url, { method: 'HEAD' })
        expect(head.headers).toMatchObject({ 'x-devlog-cache': 'hit', 'content-length': String(plain.body.length) })
        expect(head.body).toHaveLength(0)

        const notModified = await rawRequest(url, { headers: { 'if-none-match': String(miss.headers.etag) } })
        expect(notModified.status).toBe(304)
        expect(notModified.headers['x-devlog-cache']).toBe('hit')
        expect(notModified.body).toHaveLength(0)
      }

      // A HEAD is answered from the GET's entry and never kept itself (the app sent it no body).
      const other = `${base}/api/things/3000`
      for (let i = 0; i < 2; i++)
        expect((await rawRequest(other, { method: 'HEAD' })).headers['x-devlog-cache']).toBe('miss')
      const got = await rawRequest(other, {})
      expect(got.headers['x-devlog-cache']).toBe('miss')
      expect((await rawRequest(other, { method: 'HEAD' })).headers).toMatchObject({
        'x-devlog-cache': 'hit',
        'content-length': String(got.body.length),
      })
    } finally {
      await close()
    }
  })
})
