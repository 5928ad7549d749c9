import { seoPlugin } from '@payloadcms/plugin-seo'
import type { CollectionConfig, Config, Plugin } from 'payload'

import { createMediaCollection } from './core/Media.js'
import { Posts } from './blog/Posts/index.js'
import { createCohortsCollection } from './studyGroups/Cohorts/index.js'
import { Members } from './studyGroups/Members.js'
import { Memberships } from './studyGroups/Memberships.js'
import { ensureDefaultAreas, RetrospectiveAreas } from './retrospectives/RetrospectiveAreas.js'
import { Retrospectives } from './retrospectives/Retrospectives/index.js'
import { Series } from './blog/Series.js'
import { StudyGroups } from './studyGroups/StudyGroups/index.js'
import { StudySessions } from './studyGroups/StudySessions.js'
import { Submissions } from './studyGroups/Submissions/index.js'
import { createTagsCollection } from './blog/Tags/index.js'
import { Users } from './core/Users.js'
import { deliverWebhookTask, WEBHOOK_COLLECTIONS } from './webhooks/deliver.js'
import {
  webhookAfterChange,
  webhookAfterDelete,
  webhookBeforeChange,
  WebhookDeliveries,
  Webhooks,
} from './webhooks/Webhooks.js'
import { fillSeoDefaults, seoFromDocument } from './shared/fields/seoDefaults.js'
import { withChangeEvents } from './delivery/contentEvents.js'
import { buildOpenApi, renderOpenApiPage } from './delivery/openapi.js'
import { devlogSearch, search } from './delivery/search.js'
import { devlogMutations, devlogQueries, mergeGraphQLExtensions } from './graphql.js'

export type DevlogPluginOptions = {
  /** Where uploaded media files are stored. Default: `MEDIA_DIR` or `./data/media`. */
  uploadsDir?: string
  /** The blog's name, used in generated SEO titles. Default: `Devlog`. */
  siteName?: string
  /**
   * The module the admin imports Devlog's components from. Default: `payload-devlog/admin`, the
   * package export; this repository's own app points at its source (`/src/admin`).
   */
  componentsPath?: string
}

const SEO_COLLECTIONS = ['posts', 'retrospectives']

/**
 * A host that already has a `users` collection keeps it: Devlog adds only the fields it relies
 * on (roles, profile) that the host lacks. Any other clash of slugs is a configuration error,
 * since two collections cannot share one.
 */
function mergeCollections(host: CollectionConfig[], devlog: CollectionConfig[]): CollectionConfig[] {
  const merged = [...host]
  for (const collection of devlog) {
    const index = merged.findIndex((existing) => existing.slug === collection.slug)
    if (index === -1) {
      merged.push(collection)
    } else if (collection.slug === Users.slug) {
      merged[index] = addMissingFields(merged[index], collection)
    } else {
      throw new Error(
        `payload-devlog: the config already has a collection "${collection.slug}"; Devlog needs that slug for its own.`,
      )
    }
  }
  return merged
}

function addMissingFields(host: CollectionConfig, devlog: CollectionConfig): CollectionConfig {
  const names = new Set(host.fields.map((field) => ('name' in field ? field.name : undefined)))
  const missing = devlog.fields.filter((field) => 'name' in field && !names.has(field.name))
  return { ...host, fields: [...host.fields, ...missing] }
}

function withWebhooks(collection: CollectionConfig): CollectionConfig {
  if (!(WEBHOOK_COLLECTIONS as readonly string[]).includes(collection.slug)) return collection
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeChange: [...(collection.hooks?.beforeChange ?? []), webhookBeforeChange(collection.slug)],
      afterChange: [...(collection.hooks?.afterChange ?? []), webhookAfterChange(collection.slug)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), webhookAfterDelete(collection.slug)],
    },
  }
}

function withSeoDefaults(collection: CollectionConfig, siteName: string): CollectionConfig {
  if (!SEO_COLLECTIONS.includes(collection.slug)) return collection
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeChange: [...(collection.hooks?.beforeChange ?? []), fillSeoDefaults(siteName)],
    },
  }
}

export const devlogPlugin =
  (options: DevlogPluginOptions = {}): Plugin =>
  (incoming: Config): Config => {
    const uploadsDir = options.uploadsDir ?? process.env.MEDIA_DIR ?? './data/media'
    const siteName = options.siteName ?? 'Devlog'
    const componentsPath = options.componentsPath ?? 'payload-devlog/admin'
    // The host's own collections are left exactly as they were (a shared `users` aside).
    const hostSlugs = new Set(
      (incoming.collections ?? []).map((collection) => collection.slug).filter((slug) => slug !== Users.slug),
    )
    const withCollections: Config = {
      ...incoming,
      collections: mergeCollections(incoming.collections ?? [], [
        Users,
        createMediaCollection({ uploadsDir }),
        createTagsCollection({ componentsPath }),
        Series,
        Posts,
        RetrospectiveAreas,
        Retrospectives,
        StudyGroups,
        createCohortsCollection({ componentsPath }),
        Members,
        Memberships,
        StudySessions,
        Submissions,
        Webhooks,
        WebhookDeliveries,
      ]),
      onInit: async (payload) => {
        await incoming.onInit?.(payload)
        await ensureDefaultAreas(payload)
      },
    }
    const withSeo = seoPlugin({
      collections: SEO_COLLECTIONS,
      uploadsCollection: 'media',
      generateTitle: ({ doc }) => seoFromDocument(doc, siteName).title,
      generateDescription: ({ doc }) => seoFromDocument(doc, siteName).description,
      generateImage: ({ doc }) => seoFromDocument(doc, siteName).image as never,
    })(withCollections) as Config
    const withSearch = devlogSearch(withSeo)
    return {
      ...withSearch,
      endpoints: [
        ...(withSearch.endpoints ?? []),
        {
          path: '/search',
          method: 'get',
          handler: async (req) => {
            const params = req.searchParams
            const result = await search(
              req.payload,
              req,
              params.get('q') ?? '',
              Number(params.get('page') ?? 1),
              Number(params.get('limit') ?? 10),
            )
            return Response.json(result)
          },
        },
        {
          path: '/openapi.json',
          method: 'get',
          handler: async (req) => Response.json(buildOpenApi(req.payload, `${siteName} API`)),
        },
        {
          path: '/docs',
          method: 'get',
          handler: async (req) =>
            new Response(renderOpenApiPage(buildOpenApi(req.payload, `${siteName} API`)), {
              headers: { 'content-type': 'text/html; charset=utf-8' },
            }),
        },
      ],
      collections: withSearch.collections?.map((collection) =>
        hostSlugs.has(collection.slug)
          ? collection
          : withWebhooks(withChangeEvents(withSeoDefaults(collection, siteName))),
      ),
      jobs: { ...withSearch.jobs, tasks: [...(withSearch.jobs?.tasks ?? []), deliverWebhookTask()] },
      graphQL: {
        ...withSearch.graphQL,
        queries: mergeGraphQLExtensions(withSearch.graphQL?.queries, devlogQueries),
        mutations: mergeGraphQLExtensions(withSearch.graphQL?.mutations, devlogMutations),
      },
    }
  }
