import { createRequire } from 'node:module'
import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { ko } from '@payloadcms/translations/languages/ko'
import { buildConfig, defaultLoggerOptions, type Config, type SanitizedConfig, type SharpDependency } from 'payload'

import { databaseAdapter } from './src/db/adapter'
import { corsOrigins, logFormat, logLevel, payloadSecret, pluginOptions, smtpSettings } from './src/env'
import { batchedStdout } from './src/lib/batchedStdout'
import { logGraphQLRefusalsAtInfo } from './src/lib/graphqlRefusals'
import { chainLogMethods, logDeliveryFailuresAtWarn } from './src/lib/deliveryFailures'
import { projectRoot } from './src/lib/projectRoot'
import { DELIVERY_TASKS, devlogPlugin, isEditorRequest } from './collections'

const dirname = projectRoot(import.meta.url)
const requireFromConfig = createRequire(import.meta.url)

/**
 * sharp (libvips, native) is loaded by the first upload it resizes or crops rather than at every
 * start, where it cost about 20 MB of memory and 40 ms in processes that may never see an upload.
 * Payload only ever calls it.
 */
const sharp: SharpDependency = (...args) => (requireFromConfig('sharp') as SharpDependency)(...args)

type DevlogConfigOptions = {
  /** Defaults to `DATABASE_URI`; tests pass their own to open several databases in one process. */
  databaseURI?: string
  mediaDir?: string
}

export async function devlogConfig({
  databaseURI = process.env.DATABASE_URI,
  mediaDir,
}: DevlogConfigOptions = {}): Promise<SanitizedConfig> {
  return buildConfig({
    admin: {
      user: 'users',
      // Gravatar would be fetched from outside; the default avatar works offline.
      avatar: 'default',
      meta: { titleSuffix: ' · Devlog' },
      // Dates and times in the admin's language, with their year (`Mar 2, 2026, 8:00 PM`, `2026년 3월 2일 오후 8:00`).
      dateFormat: 'PPp',
      importMap: {
        baseDir: dirname,
        importMapFile: path.resolve(dirname, 'src/app/(payload)/admin/importMap.js'),
      },
    },
    // The pretty format is Payload's own default destination.
    logger: {
      options: {
        level: logLevel(),
        hooks: { logMethod: chainLogMethods(logGraphQLRefusalsAtInfo, logDeliveryFailuresAtWarn(DELIVERY_TASKS)) },
      },
      destination: logFormat() === 'json' ? batchedStdout() : defaultLoggerOptions,
    },
    secret: payloadSecret(),
    // Payload's default sends an event to its makers on every start, after running `git config` in
    // a child process: an outbound request nobody here asked for, in the way of the first request.
    telemetry: false,
    ...(process.env.SERVER_URL ? { serverURL: process.env.SERVER_URL.replace(/\/+$/, '') } : {}),
    cors: corsOrigins(),
    csrf: corsOrigins(),
    db: await databaseAdapter(databaseURI),
    ...(await emailAdapter()),
    editor: lexicalEditor(),
    sharp,
    i18n: {
      supportedLanguages: { en, ko },
      fallbackLanguage: 'en',
    },
    typescript: {
      outputFile: path.resolve(dirname, 'payload-types.ts'),
      // Types are generated on purpose (`npm run generate:types`) and checked by the tests.
      autoGenerate: false,
    },
    jobs: {
      // Scheduled publishing and other queued work run inside the server process, by default each
      // minute (`getPayload({ cron: true })` in src/http/startServer.ts). RUN_JOBS=false turns the
      // runner off, e.g. on extra instances that should only serve reads.
      autoRun: [{ cron: process.env.JOBS_CRON || '* * * * *', queue: 'default', limit: 50 }],
      shouldAutoRun: () => process.env.RUN_JOBS !== 'false',
      // Payload lets any signed-in user queue, run and cancel jobs over its API by default.
      access: { queue: isEditorRequest, run: isEditorRequest, cancel: isEditorRequest },
    },
    plugins: [devlogPlugin(pluginOptions(process.env, mediaDir ? { mediaDir } : {}))],
  })
}

/**
 * SMTP through Payload's official adapter when SMTP_HOST is set (loaded only then); otherwise no
 * email is sent.
 */
async function emailAdapter(): Promise<Pick<Config, 'email'>> {
  const smtp = smtpSettings()
  if (!smtp) return {}
  const { nodemailerAdapter } = await import('@payloadcms/email-nodemailer')
  return {
    email: nodemailerAdapter({
      defaultFromAddress: smtp.from,
      defaultFromName: smtp.fromName,
      // Payload would otherwise verify the connection at startup, failing a start while the mail server is away.
      skipVerify: true,
      transportOptions: { host: smtp.host, port: smtp.port, secure: smtp.secure, auth: smtp.auth },
    }),
  }
}

export default devlogConfig()
