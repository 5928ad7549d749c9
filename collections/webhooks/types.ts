import type { DocumentBase, Relation } from '../shared/documents'
import type { WebhookEvent } from './deliver'

export type Webhook = DocumentBase & {
  url: string
  events: WebhookEvent[]
  /** Slugs of the watched collections the webhook subscribes to. */
  collections: string[]
  secret: string
  active?: boolean | null
}

export type WebhookDelivery = DocumentBase & {
  webhook?: Relation | null
  event?: WebhookEvent | null
  collection?: string | null
  documentId?: string | null
  status?: 'queued' | 'retrying' | 'delivered' | null
  attempts?: number | null
  lastStatus?: number | null
  lastError?: string | null
  deliveredAt?: string | null
}
