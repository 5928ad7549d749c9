import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import express from 'express'

import net from 'node:net'

import { admission, streamsRatherThanWorks, type AdmissionOptions } from '../../src/http/admission'

/** A server whose requests hold their turn until the test lets each one finish. */
async function gatedServer(options: AdmissionOptions) {
  const entered: string[] = []
  const gates = new Map<string, () => void>()
  let inFlight = 0
  let mostInFlight = 0
  const app = express()
  app.use(admission(options))
  app.get('/work/:id', async (req, res) => {
    inFlight += 1
    mostInFlight = Math.max(mostInFlight, inFlight)
    entered.push(req.params.id)
    await new Promise<void>((resolve) => gates.set(req.params.id, resolve))
    inFlight -= 1
    res.json({ id: req.params.id })
  })
  app.get('/_next/static/app.js', (_req, res) => {
    res.type('js').send('ok')
  })
  app.post('/api/media', (req, res) => {
    req.resume()
    req.on('end', () => res.json({ uploaded: true }))
  })
  app.get('/big', (_req, res) => {
    res.type('text').send(Buffer.alloc(32 * 1024 * 1024, 'x'))
  })
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return {
    base,
    entered,
    mostInFlight: () => mostInFlight,
    finish: async (id: string) => {
      await until(() => gates.has(id))
      gates.get(id)!()
    },
    until,
    close: () =>
      new Promise<void>((resolve) => {
        // A failed test may leave requests held open.
        for (const release of gates.values()) release()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

describe('admission', () => {
  it('works on at most maxActive requests, admits the waiting ones in arrival order and turns away the overflow', async () => {
    const server = await gatedServer({ maxActive: 2, maxQueued: 2 })
    try {
      const responses: Array<Promise<Response>> = []
      for (const id of ['a', 'b', 'c', 'd']) {
        responses.push(fetch(`${server.base}/work/${id}`))
        // Arrival order is what the queue keeps; let each request reach the server first.
        await new Promise((resolve) => setTimeout(resolve, 30))
      }
      await server.until(() => server.entered.length === 2)

      const overflow = await fetch(`${server.base}/work/e`)
      expect(overflow.status).toBe(503)
      expect(overflow.headers.get('retry-after')).toBe('1')
      expect(await overflow.json()).toEqual({ errors: [{ message: 'The server is busy; retry in a second.' }] })

      await server.finish('b')
      await server.until(() => server.entered.length === 3)
      await server.finish('a')
      await server.finish('c')
      await server.finish('d')
      const bodies = await Promise.all(responses.map(async (response) => (await response).json()))

      expect(bodies).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }])
      expect(server.entered).toEqual(['a', 'b', 'c', 'd'])
      expect(server.mostInFlight()).toBe(2)
    } finally {
      await server.close()
    }
  })

  it('drops a waiting request whose client went away, without running it', async () => {
    const server = await gatedServer({ maxActive: 1, maxQueued: 10 })
    try {
      const first = fetch(`${server.base}/work/first`)
      await server.until(() => server.entered.length === 1)
      const leaving = new AbortController()
      const abandoned = fetch(`${server.base}/work/abandoned`, { signal: leaving.signal }).catch(
        (error: unknown) => error,
      )
      await new Promise((resolve) => setTimeout(resolve, 30))
      const last = fetch(`${server.base}/work/last`)
      await new Promise((resolve) => setTimeout(resolve, 30))
      leaving.abort()
      expect(await abandoned).toMatchObject({ name: 'AbortError' })
      // Let the server see the closed socket before the turn is handed on.
      await new Promise((resolve) => setTimeout(resolve, 30))

      await server.finish('first')
      await server.finish('last')

      expect((await first).status).toBe(200)
      expect(await (await last).json()).toEqual({ id: 'last' })
      expect(server.entered).toEqual(['first', 'last'])
    } finally {
      await server.close()
    }
  })

  it('lets bypassed paths through while every turn is taken', async () => {
    const server = await gatedServer({ maxActive: 1, maxQueued: 0, bypass: streamsRatherThanWorks })
    try {
      const held = fetch(`${server.base}/work/held`)
      await server.until(() => server.entered.length === 1)

      const asset = await fetch(`${server.base}/_next/static/app.js`)
      expect(asset.status).toBe(200)
      expect(await asset.text()).toBe('ok')
      const form = new FormData()
      form.append('file', new Blob(['image bytes']), 'a.png')
      const upload = await fetch(`${server.base}/api/media`, { method: 'POST', body: form })
      expect(await upload.json()).toEqual({ uploaded: true })
      expect((await fetch(`${server.base}/work/refused`)).status).toBe(503)

      await server.finish('held')
      expect((await held).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('ends a turn when the response is complete, not when a slow client has read it', async () => {
    const server = await gatedServer({ maxActive: 1, maxQueued: 10 })
    const slow = net.connect(Number(new URL(server.base).port), '127.0.0.1')
    try {
      // A client that asks for 32 MB and reads none of it.
      slow.pause()
      slow.write('GET /big HTTP/1.1\r\nHost: test\r\n\r\n')
      await new Promise((resolve) => setTimeout(resolve, 200))
      const next = fetch(`${server.base}/work/after`)
      await server.finish('after')
      expect((await next).status).toBe(200)
    } finally {
      slow.destroy()
      await server.close()
    }
  })
})
