import type {
  AdminViewConfig,
  AfterErrorHook,
  CollectionConfig,
  Endpoint,
  GraphQLExtension,
  Payload,
  Plugin,
  TaskConfig,
} from 'payload'

import type { DevlogWidget } from './dashboard'

/**
 * What one Devlog feature contributes to the config. The plugin entry collects the enabled
 * features' parts and composes them; a feature never edits the config itself.
 */
export type DevlogFeature = {
  collections?: CollectionConfig[]
  /** Endpoints a feature adds to a collection another feature owns (tag feeds on `tags`). */
  collectionEndpoints?: Record<string, Endpoint[]>
  /** Root endpoints, under the API route (`/api/feed.xml`). */
  endpoints?: Endpoint[]
  queries?: GraphQLExtension
  mutations?: GraphQLExtension
  tasks?: TaskConfig[]
  onInit?: (payload: Payload) => Promise<void>
  /** Hooks a feature adds to the other features' collections (change notifications, webhooks). */
  extendCollection?: (collection: CollectionConfig) => CollectionConfig
  /** Turns errors of any route into the answer they deserve (config-level `afterError`). */
  afterError?: AfterErrorHook
  /** Pages of the admin of their own (`/admin/claim-member`), by name. */
  views?: Record<string, AdminViewConfig>
  /** Widgets for the admin's dashboard. */
  widgets?: DevlogWidget[]
  /** An official plugin the feature builds on (SEO, search), applied after the collections exist. */
  plugin?: Plugin
}
