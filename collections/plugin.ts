import type { AdminViewConfig, CollectionConfig, Config, Plugin } from 'payload'

import { blogFeature } from './blog/index'
import { coreFeature } from './core/index'
import { changeEventsFeature, feedsFeature, openApiFeature, searchFeature } from './delivery/index'
import { previewFeature } from './delivery/preview'
import { seoFeature } from './delivery/seo'
import { sanitizeOptions, type DevlogCollectionSlug, type DevlogPluginOptions } from './options'
import { retrospectivesFeature } from './retrospectives/index'
import { applyOverride, mergeCollections } from './shared/collections'
import { withDashboardWidgets } from './shared/dashboard'
import type { DevlogFeature } from './shared/feature'
import { ghostFeature } from './ghost/index'
import { guardFeature } from './guard/index'
import { mergeGraphQLExtensions } from './shared/graphql'
import { studyGroupsFeature } from './studyGroups/index'
import { mergeTranslations } from './translations/index'
import { webhooksFeature } from './webhooks/index'

/**
 * Devlog's collections, endpoints, GraphQL operations and jobs, added to a host's config. The
 * host's own collections are left as they were, except that its `users` gets Devlog's roles and
 * profile fields where it lacks them.
 */
export const devlogPlugin =
  (pluginOptions: DevlogPluginOptions = {}): Plugin =>
  (incoming: Config): Config => {
    const options = sanitizeOptions(pluginOptions, incoming)
    const { features: enabled } = options
    const features: DevlogFeature[] = [
      coreFeature(options),
      blogFeature(options),
      ...(enabled.retrospectives ? [retrospectivesFeature(options)] : []),
      ...(enabled.studyGroups ? [studyGroupsFeature(options)] : []),
      ...(enabled.webhooks ? [webhooksFeature(options)] : []),
      ...(enabled.search ? [searchFeature(options)] : []),
      ...(enabled.feeds ? [feedsFeature()] : []),
      ...(enabled.openapi ? [openApiFeature()] : []),
      ...(enabled.ghost ? [ghostFeature(options)] : []),
      seoFeature(options),
      previewFeature(options),
      changeEventsFeature(),
      guardFeature(),
    ]
    const active = options.disabled ? [] : features
    // Tasks that name a concurrency key need the jobs collection's `concurrencyKey` field; decided
    // from every feature, so a disabled plugin keeps the same schema.
    const enableConcurrencyControl =
      incoming.jobs?.enableConcurrencyControl ||
      features.some((feature) => feature.tasks?.some((task) => task.concurrency))
    const hostSlugs = new Set((incoming.collections ?? []).map((collection) => collection.slug))
    const ownCollections = features
      .flatMap((feature) => feature.collections ?? [])
      .map((collection) => withEndpoints(collection, active))

    let config: Config = {
      ...incoming,
      collections: mergeCollections(incoming.collections ?? [], ownCollections, 'users'),
      custom: { ...incoming.custom, devlog: options },
      admin: { ...incoming.admin, custom: { ...incoming.admin?.custom, devlog: options.codeEditor } },
      i18n: { ...incoming.i18n, translations: mergeTranslations(incoming.i18n?.translations) },
    }
    for (const feature of features) if (feature.plugin) config = feature.plugin(config) as Config

    const isDevlogCollection = (slug: string) => !hostSlugs.has(slug) || slug === 'users'
    config.collections = config.collections?.map((collection) =>
      isDevlogCollection(collection.slug)
        ? applyOverride(
            extend(collection, active),
            options.collectionOverrides[collection.slug as DevlogCollectionSlug],
          )
        : collection,
    )
    if (options.disabled) {
      // The same collections and fields, so the same schema; none of Devlog's or the plugins' behaviour.
      const inert = (collection: CollectionConfig) =>
        hostSlugs.has(collection.slug) ? collection : { ...collection, hooks: {}, endpoints: [] }
      const { endpoints, jobs, onInit, graphQL } = incoming
      return {
        ...config,
        collections: config.collections?.map(inert),
        endpoints,
        jobs: { ...jobs, tasks: jobs?.tasks ?? [], enableConcurrencyControl },
        onInit,
        graphQL,
      }
    }

    return {
      ...config,
      admin: withAdminViews(
        withDashboardWidgets(
          config.admin,
          active.flatMap((feature) => feature.widgets ?? []),
        ),
        Object.assign({}, ...active.map((feature) => feature.views ?? {})),
      ),
      endpoints: [...(config.endpoints ?? []), ...active.flatMap((feature) => feature.endpoints ?? [])],
      jobs: {
        ...config.jobs,
        enableConcurrencyControl,
        tasks: [...(config.jobs?.tasks ?? []), ...active.flatMap((feature) => feature.tasks ?? [])],
      },
      graphQL: {
        ...config.graphQL,
        queries: mergeGraphQLExtensions(config.graphQL?.queries, ...active.map((feature) => feature.queries)),
        mutations: mergeGraphQLExtensions(config.graphQL?.mutations, ...active.map((feature) => feature.mutations)),
      },
      hooks: {
        ...config.hooks,
        afterError: [
          ...(config.hooks?.afterError ?? []),
          ...active.flatMap((feature) => (feature.afterError ? [feature.afterError] : [])),
        ],
      },
      onInit: async (payload) => {
        await incoming.onInit?.(payload)
        for (const feature of active) await feature.onInit?.(payload)
      },
    }
  }

/** The features' own admin pages beside the host's (the host's win on a shared name). */
const withAdminViews = (admin: Config['admin'], views: Record<string, AdminViewConfig>): Config['admin'] => ({
  ...admin,
  components: { ...admin?.components, views: { ...views, ...admin?.components?.views } },
})

/** Endpoints other features add to this collection (tag feeds on `tags`). */
const withEndpoints = (collection: CollectionConfig, features: DevlogFeature[]): CollectionConfig => {
  const added = features.flatMap((feature) => feature.collectionEndpoints?.[collection.slug] ?? [])
  return added.length ? { ...collection, endpoints: [...(collection.endpoints || []), ...added] } : collection
}

/** Hooks every enabled feature adds to the other features' collections. */
const extend = (collection: CollectionConfig, features: DevlogFeature[]): CollectionConfig =>
  features.reduce((current, feature) => feature.extendCollection?.(current) ?? current, collection)
