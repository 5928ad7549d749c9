import { isIP } from 'node:net'
import type { DevlogPluginOptions } from '../collections/options'
import { CLIENT_ADDRESS_HEADER } from './http/clientAddress'
import { MONACO_URL_PATH } from './lib/monaco'

/**
 * Runtime settings read from the environment, validated once at startup so a misconfigured
 * deployment stops with a message instead of failing on the first request.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export const MIN_SECRET_LENGTH = 32
const DEVELOPMENT_SECRET = 'devlog-development-secret-not-for-production-use'

export type Env = Record<string, string | undefined>

export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production'
}

/**
 * In production a missing or short secret is fatal: it signs every session token. `next build`
 * also runs with NODE_ENV=production but serves nothing, so it may build without one.
 */
export function payloadSecret(env: Env = process.env): string {
  const secret = env.PAYLOAD_SECRET?.trim()
  if (isProduction(env) && env.NEXT_PHASE !== 'phase-production-build') {
    if (!secret)
      throw new ConfigError(
        'PAYLOAD_SECRET is not set. Set it to a random string of at least 32 characters (e.g. `openssl rand -hex 32`).',
      )
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        `PAYLOAD_SECRET is too short (${secret.length} characters); use at least ${MIN_SECRET_LENGTH}.`,
      )
    }
  }
  return secret || DEVELOPMENT_SECRET
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`)
  }
  return value
}

export function port(env: Env = process.env): number {
  return wholeNumber(env, 'PORT', 3000, 0, 65535)
}

/**
 * The address the server listens on: in development this machine only (a laptop on a café's
 * network shares no admin); in production every interface, as a container or a proxy on another
 * host needs, unless HOST names one (127.0.0.1 behind a proxy on the same host).
 */
export function host(env: Env = process.env): string {
  const raw = env.HOST?.trim()
  if (!raw) return isProduction(env) ? '0.0.0.0' : '127.0.0.1'
  if (isIP(raw.replace(/^\[(.*)\]$/, '$1')) || raw === 'localhost') return raw.replace(/^\[(.*)\]$/, '$1')
  throw new ConfigError(`HOST must be an IP address to listen on (127.0.0.1, 0.0.0.0, ::), got "${raw}".`)
}

/**
 * Production writes one JSON object per log line, what log collectors parse and a fraction of the
 * cost of the colourised lines a developer reads (pretty-printing every request line took about a
 * fifth of a cached read's time in the benchmark).
 */
export function logFormat(env: Env = process.env): 'json' | 'pretty' {
  const raw = env.LOG_FORMAT?.trim()
  if (!raw) return isProduction(env) ? 'json' : 'pretty'
  if (raw !== 'json' && raw !== 'pretty') throw new ConfigError(`LOG_FORMAT must be "json" or "pretty", got "${raw}".`)
  return raw
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/**
 * The least severe level written (`LOG_LEVEL`, pino's names). `debug` adds a line for each
 * response-cache hit, which `info` only counts (see src/http/requestLogger.ts).
 */
export function logLevel(env: Env = process.env): LogLevel {
  const raw = env.LOG_LEVEL?.trim().toLowerCase()
  if (!raw) return 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${env.LOG_LEVEL}".`)
  return raw as LogLevel
}

/**
 * How far V8 lets the heap grow past what is live after a full collection, in percent
 * (`HEAP_GROWING_PERCENT`; 0 leaves it to V8). V8's own factor rises with collection speed, up to
 * 4×, and a busy server keeps the memory it grew. Under load on the list, a post and the feed
 * (autocannon, 50 connections, 2 cores) peak RSS was 305–426 MB as V8 chose and 259–264 MB at
 * 50 %, with the server's CPU time per request within the runs' spread of V8's own (about ±15 %).
 */
export function heapGrowingPercent(env: Env = process.env): number {
  return wholeNumber(env, 'HEAP_GROWING_PERCENT', 50, 0, 1_000)
}

/** How much memory the response cache may hold, in MB (`RESPONSE_CACHE_MB`). */
export function responseCacheMegabytes(env: Env = process.env): number {
  return wholeNumber(env, 'RESPONSE_CACHE_MB', 64, 1, 65_536)
}

/**
 * What the MongoDB-wire server behind `DATABASE_URI` supports (`MONGODB_COMPATIBILITY`):
 * `mongodb` for MongoDB itself (Atlas, a replica set) or `ferretdb` for FerretDB, which has no
 * `$lookup` aggregation stage.
 */
export function mongodbCompatibility(env: Env = process.env): 'mongodb' | 'ferretdb' {
  const value = env.MONGODB_COMPATIBILITY?.trim() || 'mongodb'
  if (value === 'mongodb' || value === 'ferretdb') return value
  throw new ConfigError(`MONGODB_COMPATIBILITY must be mongodb or ferretdb, got "${value}".`)
}

/** Search indexes up to this many rows are ranked from memory (see src/delivery/search.ts). */
export function searchMemoryLimit(env: Env = process.env): number {
  return wholeNumber(env, 'SEARCH_MEMORY_LIMIT', 5_000, 0, 1_000_000)
}

/**
 * How many requests reach Payload at once and how many may wait for a turn. SQLite runs its
 * queries on the event loop, so more than two at once only makes them take turns unfairly (the
 * benchmark measured p99 at 14× p50 with eight, 1.2× with one); MongoDB's queries wait on the
 * network, which more requests in flight can overlap.
 */
export function admissionLimits(
  database: 'sqlite' | 'mongodb',
  env: Env = process.env,
): { maxActive: number; maxQueued: number } {
  return {
    maxActive: wholeNumber(env, 'MAX_CONCURRENT_REQUESTS', database === 'sqlite' ? 2 : 16, 1, 10_000),
    maxQueued: wholeNumber(env, 'MAX_QUEUED_REQUESTS', 1_000, 0, 1_000_000),
  }
}

/** How long an API read and an API write may take before the server answers 503 (`requestDeadline`). */
export function requestDeadlines(env: Env = process.env): { readMs: number; writeMs: number } {
  return {
    readMs: wholeNumber(env, 'READ_DEADLINE_MS', 10_000, 100, 3_600_000),
    writeMs: wholeNumber(env, 'WRITE_DEADLINE_MS', 60_000, 100, 3_600_000),
  }
}

/** The origins of the front end (its URL template and home page), whose pages live preview frames. */
export function frontendOrigins(env: Env = process.env): string[] {
  const origins = [env.FRONTEND_URL_TEMPLATE, env.FRONTEND_URL].flatMap((value) => {
    try {
      return value?.trim()
        ? [new URL(value.trim().replaceAll('{collection}', 'x').replaceAll('{slug}', 'x')).origin]
        : []
    } catch {
      return []
    }
  })
  return [...new Set(origins)]
}

export function serverURL(env: Env = process.env): string {
  const raw = env.SERVER_URL?.trim()
  if (!raw) return `http://localhost:${port(env)}`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`SERVER_URL must be an absolute http(s) URL, got "${raw}".`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`SERVER_URL must use http or https, got "${url.protocol}".`)
  }
  return raw.replace(/\/+$/, '')
}

/** Extra origins allowed by CORS and CSRF besides SERVER_URL, comma separated. */
export function corsOrigins(env: Env = process.env): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entries must be origins like https://blog.example.com, got "${origin}".`)
    }
  }
  return [serverURL(env), ...origins.filter((origin) => origin !== serverURL(env))]
}

export type SmtpSettings = {
  host: string
  port: number
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean
  auth?: { user: string; pass: string }
  from: string
  fromName: string
}

/**
 * Email through an SMTP server (study-group reminders and summaries, password resets): off
 * unless SMTP_HOST is set, and then SMTP_FROM must say who sends it.
 */
export function smtpSettings(env: Env = process.env): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim()
  if (!host) return null
  const from = env.SMTP_FROM?.trim()
  if (!from || !/^[^\s@]+@[^\s@]+$/.test(from))
    throw new ConfigError(`SMTP_FROM must be the sender's email address when SMTP_HOST is set, got "${from ?? ''}".`)
  const secure = (env.SMTP_SECURE?.trim() || 'false') === 'true'
  const user = env.SMTP_USER?.trim()
  return {
    host,
    port: wholeNumber(env, 'SMTP_PORT', secure ? 465 : 587, 1, 65535),
    secure,
    ...(user ? { auth: { user, pass: env.SMTP_PASS ?? '' } } : {}),
    from,
    fromName: env.SITE_TITLE?.trim() || 'Devlog',
  }
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

/**
 * The plugin's options from this app's environment: the package itself never reads
 * `process.env`, so every setting a deployment changes is turned into an option here.
 */
/** The demo admin's password when ADMIN_PASSWORD is not set, as the README publishes it. */
export const DEMO_ADMIN_PASSWORD = 'devlog-admin'

export function pluginOptions(env: Env = process.env, overrides: DevlogPluginOptions = {}): DevlogPluginOptions {
  return {
    site: {
      title: env.SITE_TITLE?.trim() || undefined,
      description: env.SITE_DESCRIPTION?.trim() || undefined,
      language: env.SITE_LANGUAGE?.trim() || undefined,
      serverURL: serverURL(env),
      frontendURL: env.FRONTEND_URL?.trim() || undefined,
      documentURLTemplate: env.FRONTEND_URL_TEMPLATE?.trim() || undefined,
      // The server also answers /feed.xml, /sitemap.xml and /tags/:slug/… at its root.
      feedsURL: serverURL(env),
    },
    mediaDir: env.MEDIA_DIR?.trim() || './data/media',
    embedHosts: list(env, 'EMBED_ALLOWED_HOSTS'),
    sitemap: { urlsPerFile: wholeNumber(env, 'SITEMAP_URLS_PER_FILE', 50_000, 1, 50_000) },
    search: { memoryLimit: searchMemoryLimit(env) },
    webhooks: { retryDelayMs: wholeNumber(env, 'WEBHOOK_RETRY_DELAY_MS', 5_000, 1, 86_400_000) },
    // A password everyone can read in the README opens no account of a production server.
    accounts: { refusedPasswords: env.NODE_ENV === 'production' ? [DEMO_ADMIN_PASSWORD] : [] },
    outbound: { allowPrivateHosts: list(env, 'OUTBOUND_ALLOW_PRIVATE_HOSTS') },
    studyGroups: {
      feeds: { schedule: env.FEED_POLL_SCHEDULE?.trim() || undefined },
      notices: { schedule: env.NOTICES_SCHEDULE?.trim() || undefined },
    },
    // Set by Devlog's server from the socket (src/http/clientAddress.ts), never taken from the client.
    clientAddress: (req) => req.headers.get(CLIENT_ADDRESS_HEADER) ?? undefined,
    codeEditor: { monacoURL: MONACO_URL_PATH },
    // The app's import map points at the package's source rather than the built `payload-devlog/admin`.
    adminComponentsPath: '/collections/exports/admin',
    adminServerComponentsPath: '/collections/exports/rsc',
    ...overrides,
  }
}
