import { createHmac } from 'node:crypto'
import type { PayloadRequest, TaskConfig } from 'payload'

import { postOutbound } from '../shared/lib/outbound'

export const WEBHOOK_EVENTS = ['publish', 'unpublish', 'update', 'delete'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]
export const WEBHOOK_COLLECTIONS = ['posts', 'retrospectives', 'tags', 'series'] as const
const TIMEOUT_MS = 10_000

/** `sha256=<hex>` of the exact body, keyed with the webhook's secret: what receivers verify. */
export function signature(secret: string, body: string) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

type Input = {
  webhook: number | string
  delivery: number | string
  body: string
  event: string
  /** `collection:id` of the changed document (absent from deliveries queued before it was added). */
  document?: string
}

/**
 * One delivery attempt. A non-2xx answer or a network error fails the task, and Payload's job
 * queue retries it with exponential back-off; each attempt is recorded on the delivery log.
 */
async function deliver({ input, req }: { input: Input; req: PayloadRequest }, allowPrivateHosts: readonly string[]) {
  const { payload } = req
  const webhook = await payload.findByID({
    collection: 'webhooks',
    id: input.webhook,
    depth: 0,
    overrideAccess: true,
    req,
    showHiddenFields: true,
  })
  const log = await payload.findByID({
    collection: 'webhook-deliveries',
    id: input.delivery,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const attempts = (log.attempts ?? 0) + 1
  let status: number | null = null
  let failure: string | null = null
  try {
    const response = await postOutbound(webhook.url, {
      allowHosts: allowPrivateHosts,
      timeoutMs: TIMEOUT_MS,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Devlog-Webhooks/1',
        'x-devlog-event': input.event,
        'x-devlog-delivery': String(input.delivery),
        'x-devlog-signature': signature(webhook.secret ?? '', input.body),
      },
      body: input.body,
    })
    status = response.status
    if (status < 200 || status >= 300) failure = `HTTP ${status}`
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error)
  }
  await payload.update({
    collection: 'webhook-deliveries',
    id: input.delivery,
    data: {
      attempts,
      lastStatus: status,
      lastError: failure,
      status: failure ? 'retrying' : 'delivered',
      ...(failure ? {} : { deliveredAt: new Date().toISOString() }),
    },
    overrideAccess: true,
    req,
  })
  if (failure) throw new Error(`Webhook ${webhook.url}: ${failure}`)
  return { output: { status } }
}

/** The task that delivers a webhook: its failures are the receiver's (see `DELIVERY_TASKS`). */
export const DELIVER_WEBHOOK_TASK = 'deliverWebhook'

export function deliverWebhookTask({
  retryDelayMs,
  allowPrivateHosts,
}: {
  retryDelayMs: number
  allowPrivateHosts: readonly string[]
}): TaskConfig {
  return {
    slug: DELIVER_WEBHOOK_TASK,
    label: 'Deliver a webhook',
    retries: { attempts: 5, backoff: { type: 'exponential', delay: retryDelayMs } },
    // The job runner starts a batch of jobs at once: without a key, one document's publish and
    // delete could reach a receiver in either order. With it, they go one at a time, oldest first.
    // A delivery waiting for a retry does not hold the next back; `sentAt` orders them then.
    concurrency: {
      key: ({ input }) => {
        const { webhook, document, delivery } = input as Input
        return `webhook:${String(webhook)}:${document ?? String(delivery)}`
      },
      exclusive: true,
    },
    inputSchema: [
      { name: 'webhook', type: 'text', required: true },
      { name: 'delivery', type: 'text', required: true },
      { name: 'event', type: 'text', required: true },
      { name: 'body', type: 'textarea', required: true },
      { name: 'document', type: 'text' },
    ],
    // The input is what `queueDeliveries` queued, shaped by `inputSchema` above.
    handler: ({ input, req }) => deliver({ input: input as Input, req }, allowPrivateHosts),
  }
}
