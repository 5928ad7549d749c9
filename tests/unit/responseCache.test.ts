import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { SanitizedConfig } from 'payload'

import { publicResponses } from '../../src/http/responseCache'

/** An app with the response cache in front of answers of a given size. */
async function serve(maxBytes: number) {
  const config = { collections: [] } as unknown as SanitizedConfig
  const { answerHit, record } = publicResponses(config, { store: true, maxBytes })
  const app = express()
  app.use(record)
  app.get('/api/things/:size', (req, res) => {
    res.json({ filler: 'x'.repeat(Number(req.params.size)) })
  })
  // As Devlog's server does: the cache answers before the app.
  const server = createServer((req, res) => answerHit(req, res) || app(req, res)).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const cacheOf = async (path: string) => (await fetch(`${base}${path}`)).headers.get('x-devlog-cache')
  return { cacheOf, close: () => new Promise((resolve) => server.close(resolve)) }
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
})
