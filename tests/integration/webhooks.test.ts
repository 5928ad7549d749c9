import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import { signature } from '../../collections/webhooks/deliver'
import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'

type Received = { headers: http.IncomingHttpHeaders; body: string; inFlight: number }

describe.each(databaseKinds())('webhooks on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload
  let receiver: http.Server
  let url: string
  const received: Received[] = []
  let failuresLeft = 0
  /** How long the receiver takes to answer; deliveries it is still answering are in flight. */
  let answerAfterMs = 0
  let inFlight = 0

  beforeAll(async () => {
    process.env.WEBHOOK_RETRY_DELAY_MS = '20'
    // The receiver is a loopback server: allowed here, refused by default (see outbound.test.ts).
    process.env.OUTBOUND_ALLOW_PRIVATE_HOSTS = '127.0.0.1'
    receiver = http.createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        inFlight += 1
        received.push({ headers: req.headers, body, inFlight })
        setTimeout(() => {
          inFlight -= 1
          res.statusCode = failuresLeft-- > 0 ? 500 : 204
          res.end()
        }, answerAfterMs)
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    ctx = await startTestPayload(kind)
    payload = ctx.payload
    await payload.create({
      collection: 'webhooks',
      data: {
        url,
        events: ['publish', 'unpublish', 'delete'],
        collections: ['posts'],
        secret: 'a-very-secret-webhook-key',
      },
    })
  })
  afterAll(async () => {
    delete process.env.WEBHOOK_RETRY_DELAY_MS
    delete process.env.OUTBOUND_ALLOW_PRIVATE_HOSTS
    await ctx?.close()
    receiver.close()
  })
  beforeEach(() => {
    received.length = 0
    failuresLeft = 0
    answerAfterMs = 0
  })

  /** Runs due jobs until the queue is empty, waiting out back-off delays. */
  const drain = async () => {
    for (let round = 0; round < 50; round++) {
      await payload.jobs.run({ queue: 'default' })
      const pending = await payload.count({
        collection: 'payload-jobs',
        where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      })
      if (pending.totalDocs === 0) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it('delivers a signed publish event through the job queue', async () => {
    const post = await payload.create({ collection: 'posts', data: { title: 'Hooked', _status: 'published' } as never })
    await drain()
    expect(received).toHaveLength(1)
    const [delivery] = received
    expect(delivery.headers['x-devlog-event']).toBe('publish')
    expect(delivery.headers['x-devlog-signature']).toBe(signature('a-very-secret-webhook-key', delivery.body))
    expect(JSON.parse(delivery.body)).toMatchObject({
      event: 'publish',
      collection: 'posts',
      id: post.id,
      doc: { title: 'Hooked' },
    })
    const log = await payload.find({
      collection: 'webhook-deliveries',
      where: { documentId: { equals: String(post.id) } },
    })
    expect(log.docs[0]).toMatchObject({ event: 'publish', status: 'delivered', attempts: 1, lastStatus: 204 })
  })

  it('retries with back-off until the receiver accepts, logging every attempt', async () => {
    failuresLeft = 2
    const post = await payload.create({
      collection: 'posts',
      data: { title: 'Flaky receiver', _status: 'published' } as never,
    })
    await drain()
    expect(received).toHaveLength(3)
    const log = await payload.find({
      collection: 'webhook-deliveries',
      where: { documentId: { equals: String(post.id) } },
    })
    expect(log.docs[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 204, lastError: null })
  })

  it('sends unpublish and delete, ignores draft saves and events nobody subscribed to', async () => {
    const post = await payload.create({
      collection: 'posts',
      data: { title: 'Lifecycle', _status: 'published' } as never,
    })
    await payload.update({
      collection: 'posts',
      id: post.id,
      data: { title: 'Lifecycle (draft edit)' } as never,
      draft: true,
    })
    await payload.update({ collection: 'posts', id: post.id, data: { _status: 'draft' } as never })
    await payload.delete({ collection: 'posts', id: post.id })
    await payload.create({ collection: 'tags', data: { name: 'Not subscribed' } })
    await drain()
    expect(received.map((delivery) => delivery.headers['x-devlog-event'])).toEqual(['publish', 'unpublish', 'delete'])
  })

  it('delivers one document’s events one at a time, in the order they happened', async () => {
    answerAfterMs = 30
    const posts = await Promise.all(
      ['First in order', 'Second in order'].map((title) =>
        payload.create({ collection: 'posts', data: { title, _status: 'published' } as never }),
      ),
    )
    for (const post of posts) {
      await payload.update({ collection: 'posts', id: post.id, data: { _status: 'draft' } as never })
      await payload.update({ collection: 'posts', id: post.id, data: { _status: 'published' } as never })
      await payload.delete({ collection: 'posts', id: post.id })
    }
    await drain()
    for (const post of posts) {
      const own = received.filter((delivery) => JSON.parse(delivery.body).id === post.id)
      expect(own.map((delivery) => delivery.headers['x-devlog-event'])).toEqual([
        'publish',
        'unpublish',
        'publish',
        'delete',
      ])
      expect(own.map((delivery) => JSON.parse(delivery.body).sentAt)).toEqual(
        own.map((delivery) => JSON.parse(delivery.body).sentAt).sort(),
      )
    }
    // The two documents' deliveries do not wait for each other; one document's never overlap.
    expect(Math.max(...received.map((delivery) => delivery.inFlight))).toBe(2)
  })

  it('keeps the secret from editors and the log read-only', async () => {
    const editor = await createUser(payload, ['editor'])
    const [webhook] = (await payload.find({ collection: 'webhooks', user: editor, overrideAccess: false })).docs
    expect(webhook.url).toBe(url)
    expect(webhook.secret).toBeUndefined()
    await expect(
      payload.create({
        collection: 'webhook-deliveries',
        data: { event: 'publish' } as never,
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
