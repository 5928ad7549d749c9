import type { SanitizedDevlogOptions } from '../options'
import { appendHooks } from '../shared/collections'
import type { DevlogFeature } from '../shared/feature'
import { deliverWebhookTask, WEBHOOK_COLLECTIONS } from './deliver'
import {
  createWebhooksCollection,
  webhookAfterChange,
  webhookAfterDelete,
  webhookBeforeChange,
  WebhookDeliveries,
} from './Webhooks'

/** Signed webhooks on publish, unpublish, update and delete, delivered by the jobs queue with retries. */
export const webhooksFeature = (options: SanitizedDevlogOptions): DevlogFeature => {
  const watched = WEBHOOK_COLLECTIONS.filter((slug) => slug !== 'retrospectives' || options.features.retrospectives)
  return {
    collections: [createWebhooksCollection(watched, options.outbound.allowPrivateHosts), WebhookDeliveries],
    tasks: [deliverWebhookTask({ ...options.webhooks, ...options.outbound })],
    extendCollection: (collection) =>
      (watched as readonly string[]).includes(collection.slug)
        ? appendHooks(collection, {
            beforeChange: [webhookBeforeChange(collection.slug)],
            afterChange: [webhookAfterChange(collection.slug)],
            afterDelete: [webhookAfterDelete(collection.slug)],
          })
        : collection,
  }
}
