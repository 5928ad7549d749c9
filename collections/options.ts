import type { CollectionConfig, Config, Field, PayloadRequest } from 'payload'

import { bareHost } from './shared/lib/outbound'

/** The features a host can turn off. The blog (posts, tags, series) and the accounts are always on. */
export const OPTIONAL_FEATURES = [
  'retrospectives',
  'studyGroups',
  'webhooks',
  'search',
  'feeds',
  'openapi',
  'ghost',
] as const
export type OptionalFeature = (typeof OPTIONAL_FEATURES)[number]

/** Every collection Devlog adds, by slug. */
export const DEVLOG_COLLECTIONS = [
  'users',
  'media',
  'tags',
  'series',
  'posts',
  'retrospective-areas',
  'retrospectives',
  'study-groups',
  'cohorts',
  'members',
  'memberships',
  'study-sessions',
  'submissions',
  'member-feed-items',
  'study-notices',
  'webhooks',
  'webhook-deliveries',
  'search-index',
  'content-api-keys',
] as const
export type DevlogCollectionSlug = (typeof DEVLOG_COLLECTIONS)[number]

/**
 * A host's changes to one of Devlog's collections, in the shape of `@payloadcms/plugin-search`'s
 * `searchOverrides`: `fields` receives Devlog's fields and returns the ones to use; `access` and
 * `admin` are merged over Devlog's; `hooks` run after Devlog's own hooks of the same kind.
 */
export type CollectionOverride = {
  fields?: (args: { defaultFields: Field[] }) => Field[]
  access?: CollectionConfig['access']
  admin?: CollectionConfig['admin']
  hooks?: CollectionConfig['hooks']
  labels?: CollectionConfig['labels']
}

export type DevlogPluginOptions = {
  /**
   * Keeps every collection and field (so the database schema does not change) but adds no hooks,
   * endpoints, GraphQL operations or jobs: Payload's convention for switching a plugin off.
   * @default false
   */
  disabled?: boolean
  /** What feeds, sitemaps, SEO titles and links say about the site. */
  site?: {
    /** The site's name: feed titles and the generated SEO titles (`<title> · <site title>`). @default 'Devlog' */
    title?: string
    /** @default '<title>: posts and retrospectives' */
    description?: string
    /** The feeds' language. @default 'ko' */
    language?: string
    /**
     * The public address of the server that answers `/api` and serves media files; feed and
     * sitemap links are built from it. @default the config's `serverURL`, else `http://localhost:3000`
     */
    serverURL?: string
    /** The front end's home page, linked from feeds. @default '<serverURL>/' */
    frontendURL?: string
    /**
     * Where a front end shows a document, with `{collection}` and `{slug}` placeholders.
     * @default '<serverURL>/{collection}/{slug}'
     */
    documentURLTemplate?: string
    /**
     * Where the feeds and sitemaps are served, for their self links and the sitemap index: the
     * plugin's endpoints under the API route, or a proxy's root that forwards to them.
     * @default '<serverURL><routes.api>'
     */
    feedsURL?: string
  }
  /** The folder uploaded media files are written to. @default './media' */
  mediaDir?: string
  /** Hosts besides the built-in list (YouTube, Gist, CodePen, …) whose pages may be embedded. @default [] */
  embedHosts?: string[]
  /** Optional features; each is on unless `{ enabled: false }`. A disabled feature adds nothing at all. */
  features?: Partial<Record<OptionalFeature, { enabled?: boolean }>>
  sitemap?: {
    /**
     * URLs per sitemap file; past this many, /sitemap.xml is an index of pages, each read from the
     * database by itself. At most the protocol's 50,000. @default 50000
     */
    urlsPerFile?: number
  }
  search?: {
    /** Indexes of up to this many rows are ranked from a copy in memory; larger ones in the database. @default 5000 */
    memoryLimit?: number
  }
  webhooks?: {
    /** The first retry's delay; later ones back off exponentially. @default 5000 */
    retryDelayMs?: number
  }
  accounts?: {
    /**
     * Passwords no account may take, besides the most common ones: a password published in
     * documentation (a demo account's) on a server that faces the public. Compared ignoring case.
     * @default []
     */
    refusedPasswords?: string[]
  }
  /** Requests Devlog sends to addresses people give it: webhooks, members' feeds, Slack and Discord. */
  outbound?: {
    /**
     * Hosts these requests may reach although they are private or local (`127.0.0.1`,
     * `hooks.internal`): for development and tests only. @default []
     */
    allowPrivateHosts?: string[]
  }
  studyGroups?: {
    /** Members' blog feeds, polled for their weekly submissions. */
    feeds?: {
      /** When the jobs queue polls every active member's feed (cron, the server's clock). @default '0 * * * *' (hourly) */
      schedule?: string
      /** @default 15000 */
      timeoutMs?: number
      /** A feed larger than this is an error. @default 5000000 */
      maxBytes?: number
      /** The pause between two requests to the same host (velog, Tistory, Medium…). @default 1000 */
      hostPaceMs?: number
      /**
       * An item first seen this long after the deadline of the week its date falls in is marked
       * for an operator's decision instead of counting on time (a backdated post). Allow at least
       * one polling interval. @default 90
       */
      backdateGraceMinutes?: number
    }
    /** Reminders before deadlines, summaries and digests after them. */
    notices?: {
      /** When the jobs queue looks for reminders, summaries and digests that are due (cron). @default '*\/5 * * * *' */
      schedule?: string
    }
  }
  /**
   * Where a request comes from, for login throttling. A server that clients reach directly should
   * name the socket's address (a header it sets itself); behind a proxy, the proxy's header.
   * @default the first `x-forwarded-for` address, else `x-real-ip`
   */
  clientAddress?: (req: PayloadRequest) => string | undefined
  codeEditor?: {
    /**
     * Where the admin loads the Monaco code editor of code blocks from: the URL of a folder that
     * serves `monaco-editor/min/vs` (a path on the admin's origin such as `/monaco/vs`, or an
     * absolute URL). Serving it yourself keeps the editor working offline and under a content
     * security policy of `script-src 'self'`. @default Payload's choice, a public CDN
     */
    monacoURL?: string
  }
  /** Changes to Devlog's collections (extra fields, access, admin settings, hooks appended). */
  collectionOverrides?: Partial<Record<DevlogCollectionSlug, CollectionOverride>>
  /**
   * The module the admin imports Devlog's components from (the import map's path).
   * @default 'payload-devlog/admin'
   */
  adminComponentsPath?: string
  /**
   * The module the admin imports Devlog's server components (the dashboard widgets) from.
   * @default 'payload-devlog/rsc'
   */
  adminServerComponentsPath?: string
}

export type SanitizedDevlogOptions = {
  disabled: boolean
  site: {
    title: string
    description: string
    language: string
    serverURL: string
    frontendURL: string
    documentURLTemplate: string
    feedsURL: string
  }
  mediaDir: string
  embedHosts: string[]
  features: Record<OptionalFeature, boolean>
  sitemap: { urlsPerFile: number }
  search: { memoryLimit: number }
  webhooks: { retryDelayMs: number }
  accounts: { refusedPasswords: string[] }
  outbound: { allowPrivateHosts: string[] }
  studyGroups: {
    feeds: { schedule: string; timeoutMs: number; maxBytes: number; hostPaceMs: number; backdateGraceMinutes: number }
    notices: { schedule: string }
  }
  codeEditor: DevlogAdminSettings
  collectionOverrides: Partial<Record<DevlogCollectionSlug, CollectionOverride>>
  adminComponentsPath: string
  adminServerComponentsPath: string
  clientAddress?: (req: PayloadRequest) => string | undefined
}

/** What the admin's client components read from `config.admin.custom.devlog`. */
export type DevlogAdminSettings = { monacoURL: string | null }

function monacoURL(value: string | undefined): string | null {
  const url = value?.trim().replace(/\/+$/, '')
  if (!url) return null
  if ((url.startsWith('/') && !url.startsWith('//')) || /^https?:\/\/[^/]/i.test(url)) return url
  throw new Error(
    `payload-devlog: codeEditor.monacoURL must be a path on the admin's origin (/monaco/vs) or an absolute http(s) URL, got "${value}".`,
  )
}

function wholeNumber(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`payload-devlog: ${name} must be a whole number of at least ${min}, got ${value}.`)
  }
  return value
}

/** The sitemap protocol's limit of URLs per file. */
export const URLS_PER_SITEMAP = 50_000

function urlsPerSitemap(value: number | undefined): number {
  const perFile = wholeNumber('sitemap.urlsPerFile', value, URLS_PER_SITEMAP, 1)
  if (perFile > URLS_PER_SITEMAP)
    throw new Error(`payload-devlog: sitemap.urlsPerFile must be at most ${URLS_PER_SITEMAP}, got ${perFile}.`)
  return perFile
}

/** Five or six cron fields (Payload's scheduler reads them with croner, seconds first when six). */
function cron(name: string, value: string | undefined, fallback: string): string {
  const text = value?.trim() || fallback
  if (/^\S+(\s+\S+){4,5}$/.test(text)) return text
  throw new Error(`payload-devlog: ${name} must be a cron expression of five or six fields, got "${value}".`)
}

function absoluteURL(name: string, value: string): string {
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '')
  } catch {
    // reported below
  }
  throw new Error(`payload-devlog: ${name} must be an absolute http(s) URL, got "${value}".`)
}

/** Checks the options once and fills in every default, so the features read plain values. */
export function sanitizeOptions(
  options: DevlogPluginOptions,
  config: Pick<Config, 'serverURL' | 'routes'>,
): SanitizedDevlogOptions {
  const title = options.site?.title?.trim() || 'Devlog'
  const serverURL = absoluteURL(
    'site.serverURL',
    options.site?.serverURL || config.serverURL || 'http://localhost:3000',
  )
  const feeds = options.studyGroups?.feeds
  for (const slug of Object.keys(options.collectionOverrides ?? {})) {
    if (!(DEVLOG_COLLECTIONS as readonly string[]).includes(slug)) {
      throw new Error(`payload-devlog: collectionOverrides names "${slug}", which is not one of Devlog's collections.`)
    }
  }
  return {
    disabled: options.disabled ?? false,
    site: {
      title,
      description: options.site?.description?.trim() || `${title}: posts and retrospectives`,
      language: options.site?.language?.trim() || 'ko',
      serverURL,
      frontendURL: options.site?.frontendURL
        ? absoluteURL('site.frontendURL', options.site.frontendURL)
        : `${serverURL}/`,
      documentURLTemplate: options.site?.documentURLTemplate?.trim() || `${serverURL}/{collection}/{slug}`,
      feedsURL: options.site?.feedsURL
        ? absoluteURL('site.feedsURL', options.site.feedsURL)
        : `${serverURL}${config.routes?.api ?? '/api'}`,
    },
    mediaDir: options.mediaDir ?? './media',
    embedHosts: (options.embedHosts ?? []).map((host) => host.trim().toLowerCase()).filter(Boolean),
    features: Object.fromEntries(
      OPTIONAL_FEATURES.map((feature) => [feature, options.features?.[feature]?.enabled !== false]),
    ) as Record<OptionalFeature, boolean>,
    sitemap: { urlsPerFile: urlsPerSitemap(options.sitemap?.urlsPerFile) },
    search: { memoryLimit: wholeNumber('search.memoryLimit', options.search?.memoryLimit, 5_000, 0) },
    webhooks: { retryDelayMs: wholeNumber('webhooks.retryDelayMs', options.webhooks?.retryDelayMs, 5_000, 1) },
    accounts: {
      refusedPasswords: (options.accounts?.refusedPasswords ?? []).map((password) => password.toLowerCase()),
    },
    outbound: { allowPrivateHosts: (options.outbound?.allowPrivateHosts ?? []).map(bareHost).filter(Boolean) },
    studyGroups: {
      feeds: {
        schedule: cron('studyGroups.feeds.schedule', feeds?.schedule, '0 * * * *'),
        timeoutMs: wholeNumber('studyGroups.feeds.timeoutMs', feeds?.timeoutMs, 15_000, 1),
        maxBytes: wholeNumber('studyGroups.feeds.maxBytes', feeds?.maxBytes, 5_000_000, 1),
        hostPaceMs: wholeNumber('studyGroups.feeds.hostPaceMs', feeds?.hostPaceMs, 1_000, 0),
        backdateGraceMinutes: wholeNumber('studyGroups.feeds.backdateGraceMinutes', feeds?.backdateGraceMinutes, 90, 0),
      },
      notices: {
        schedule: cron('studyGroups.notices.schedule', options.studyGroups?.notices?.schedule, '*/5 * * * *'),
      },
    },
    codeEditor: { monacoURL: monacoURL(options.codeEditor?.monacoURL) },
    collectionOverrides: options.collectionOverrides ?? {},
    adminComponentsPath: options.adminComponentsPath ?? 'payload-devlog/admin',
    adminServerComponentsPath: options.adminServerComponentsPath ?? 'payload-devlog/rsc',
    clientAddress: options.clientAddress,
  }
}

/**
 * The sanitised options of the running config. The plugin keeps them in `config.custom.devlog`,
 * so hooks, validators and handlers that only have the request read the host's settings.
 */
export function devlogOptions(config: { custom?: Record<string, unknown> }): SanitizedDevlogOptions {
  const options = config.custom?.devlog as SanitizedDevlogOptions | undefined
  if (!options) throw new Error('payload-devlog: the config was not built with devlogPlugin().')
  return options
}
