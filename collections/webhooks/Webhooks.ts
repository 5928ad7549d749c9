import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { hasRole, isAdmin, isEditor } from '../shared/access/roles'
import { label, options, staticLabel } from '../shared/lib/labels'
import { resolvedOutboundUrlProblem } from '../shared/lib/outbound'
import type { DocumentBase, Publishable } from '../shared/documents'
import { DELIVER_WEBHOOK_TASK, WEBHOOK_EVENTS, type WebhookEvent } from './deliver'

/** Any watched document: webhooks see whether it is public, nothing else of it. */
type WatchedDocument = DocumentBase & Publishable

/**
 * `watched`: the collections whose changes a webhook may subscribe to; `allowPrivateHosts`: hosts
 * a webhook may point at although they are private (development, tests).
 */
export const createWebhooksCollection = (
  watched: readonly string[],
  allowPrivateHosts: readonly string[],
): CollectionConfig => ({
  slug: 'webhooks',
  labels: { singular: label('webhook'), plural: label('webhooks') },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'collections', 'active'],
    group: staticLabel('settings'),
  },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    {
      name: 'url',
      type: 'text',
      label: label('url'),
      required: true,
      // Checked again, after DNS, on every delivery (`postOutbound`).
      validate: async (value: string | null | undefined) => {
        const problem = value ? await resolvedOutboundUrlProblem(value, allowPrivateHosts) : 'is required'
        return problem ? `The webhook URL ${problem}.` : true
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: label('events'),
      options: options({
        publish: label('publish'),
        unpublish: label('unpublish'),
        update: label('update'),
        delete: label('delete'),
      }),
    },
    {
      name: 'collections',
      type: 'select',
      hasMany: true,
      required: true,
      label: label('collections'),
      options: watched.map((slug) => ({ value: slug, label: slug })),
    },
    {
      name: 'secret',
      type: 'text',
      label: label('secret'),
      required: true,
      minLength: 16,
      admin: {
        description: label('signsEachDeliveryXDevlog'),
      },
      // Written once; only admins read it back.
      access: { read: ({ req }) => hasRole(req.user, 'admin') },
    },
    { name: 'active', type: 'checkbox', label: label('activeWebhooks'), defaultValue: true },
  ],
})

export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: label('webhookDelivery'), plural: label('webhookDeliveries') },
  admin: {
    useAsTitle: 'event',
    defaultColumns: ['event', 'collection', 'status', 'attempts', 'lastStatus', 'createdAt'],
    group: staticLabel('settings'),
  },
  // A log: written by the job queue only.
  access: { read: isEditor, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', index: true },
    { name: 'event', type: 'select', options: WEBHOOK_EVENTS.map((event) => ({ value: event, label: event })) },
    { name: 'collection', type: 'text' },
    { name: 'documentId', type: 'text' },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'queued',
      options: ['queued', 'retrying', 'delivered'].map((value) => ({ value, label: value })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastStatus', type: 'number' },
    { name: 'lastError', type: 'text' },
    { name: 'deliveredAt', type: 'date' },
  ],
}

/**
 * Which webhook event a change is, from the document as the public now sees it (the main row,
 * not a draft saved on top of it) and as it was. Collections without drafts are always public.
 */
type Status = WatchedDocument['_status']

export function eventOf(current: Status, previous: Status, savedAs: Status, operation: string): WebhookEvent | null {
  if (current === undefined || current === null) return operation === 'create' ? 'publish' : 'update'
  if (current === 'published' && savedAs === 'draft') return null // a draft saved over a published document
  if (current === 'published') return previous === 'published' && operation !== 'create' ? 'update' : 'publish'
  return previous === 'published' ? 'unpublish' : null
}

async function queueDeliveries(req: PayloadRequest, collection: string, event: WebhookEvent, doc: WatchedDocument) {
  const { docs: webhooks } = await req.payload.find({
    collection: 'webhooks',
    where: {
      and: [{ active: { equals: true } }, { events: { contains: event } }, { collections: { contains: collection } }],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const webhook of webhooks) {
    const body = JSON.stringify({ event, collection, id: doc.id, doc, sentAt: new Date().toISOString() })
    const delivery = await req.payload.create({
      collection: 'webhook-deliveries',
      data: { webhook: webhook.id, event, collection, documentId: String(doc.id) },
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({
      task: DELIVER_WEBHOOK_TASK,
      input: {
        webhook: String(webhook.id),
        delivery: String(delivery.id),
        event,
        body,
        document: `${collection}:${String(doc.id)}`,
      },
      req,
    })
  }
}

type MainRow = Pick<WatchedDocument, 'id' | '_status'>
// Only the status: the whole row would bring the post's body along on every save.
const mainRow = (req: PayloadRequest, collection: string, id: unknown) =>
  req.payload.db.findOne<MainRow>({
    collection: collection as CollectionSlug,
    where: { id: { equals: id } },
    select: { _status: true },
    req,
  })
const statusKey = (collection: string, id: unknown) => `webhookStatusBefore:${collection}:${String(id)}`

/** What the public saw before the change (not the latest draft), kept for the afterChange hook. */
export const webhookBeforeChange =
  (collection: string): CollectionBeforeChangeHook<WatchedDocument> =>
  async ({ data, originalDoc, operation, req, context }) => {
    if (operation === 'update' && originalDoc?._status !== undefined) {
      context[statusKey(collection, originalDoc.id)] = (await mainRow(req, collection, originalDoc.id))?._status
    }
    return data
  }

export const webhookAfterChange =
  (collection: string): CollectionAfterChangeHook<WatchedDocument> =>
  async ({ doc, operation, req, context }) => {
    const main = doc._status === undefined ? null : await mainRow(req, collection, doc.id)
    const before = context[statusKey(collection, doc.id)] as Status
    const event = eventOf(main?._status ?? doc._status, before, doc._status, operation)
    if (event) await queueDeliveries(req, collection, event, doc)
    return doc
  }

export const webhookAfterDelete =
  (collection: string): CollectionAfterDeleteHook<WatchedDocument> =>
  async ({ doc, req }) => {
    await queueDeliveries(req, collection, 'delete', doc)
    return doc
  }
