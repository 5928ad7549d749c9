import type { SanitizedDevlogOptions } from '../options.js'
import { appendHooks } from '../shared/collections.js'
import type { DevlogFeature } from '../shared/feature.js'
import { deliverWebhookTask, WEBHOOK_COLLECTIONS } from './deliver.js'
import {
  createWebhooksCollection,
  webhookAfterChange,
  webhookAfterDelete,
  webhookBeforeChange,
  WebhookDeliveries,
} from './Webhooks.js'

/** Signed webhooks on publish, unpublish, update and delete, delivered by the jobs queue with retries. */
export const webhooksFeature = (options: SanitizedDevlogOptions): DevlogFeature => {
  const watched = WEBHOOK_COLLECTIONS.filter((slug) => slug !== 'retrospectives' || options.features.retrospectives)
  return {
    collections: [createWebhooksCollection(watched), WebhookDeliveries],
    tasks: [deliverWebhookTask(options.webhooks)],
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
