import type { SanitizedDevlogOptions } from '../options'
import { appendHooks } from '../shared/collections'
import type { DevlogFeature } from '../shared/feature'
import { contentChanged } from './contentEvents'
import { openApiEndpoints, searchEndpoints, siteFeedEndpoints, sitemapEndpoints, tagFeedEndpoints } from './endpoints'
import { searchQueries } from './graphql'
import { devlogSearch, SEARCH_COLLECTIONS } from './search'

/** RSS, Atom and JSON Feed (the site's and each tag's) and the sitemap, as Payload endpoints. */
export const feedsFeature = (): DevlogFeature => ({
  endpoints: [...siteFeedEndpoints, ...sitemapEndpoints],
  collectionEndpoints: { tags: tagFeedEndpoints },
})

/** Ranked full-text search over published posts and retrospectives, on the official search plugin. */
export const searchFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  plugin: devlogSearch(
    SEARCH_COLLECTIONS.filter((slug) => slug !== 'retrospectives' || options.features.retrospectives),
  ),
  endpoints: searchEndpoints,
  queries: searchQueries,
})

/** `/api/openapi.json` and `/api/docs`, generated from the running config. */
export const openApiFeature = (): DevlogFeature => ({ endpoints: openApiEndpoints })

/**
 * Every Devlog collection announces its changes, so caches in the process (the search index copy,
 * a host's response cache) drop exactly what may show the changed document. It fires once more on
 * the next turn, after Payload has committed the operation's transaction, so a read racing the
 * commit cannot leave stale content cached.
 */
export const changeEventsFeature = (): DevlogFeature => ({
  extendCollection: (collection) => {
    const notify = () => {
      contentChanged(collection.slug)
      setImmediate(() => contentChanged(collection.slug))
    }
    return appendHooks(collection, {
      afterChange: [({ doc }) => (notify(), doc)],
      afterDelete: [({ doc }) => (notify(), doc)],
    })
  },
})
