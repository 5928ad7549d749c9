import { createServer, type RequestListener, type Server } from 'node:http'
import v8 from 'node:v8'
import compression from 'compression'
import express from 'express'
import { getPayload, type Payload } from 'payload'

import { checkSchemaSource, checkSqliteFile, damagedDatabase, resolveDatabase } from '../db/resolveDatabase'
import {
  admissionLimits,
  ConfigError,
  corsOrigins,
  DEMO_ADMIN_PASSWORD,
  frontendOrigins,
  heapGrowingPercent,
  host as configuredHost,
  logFormat,
  logLevel,
  payloadSecret,
  port as configuredPort,
  requestDeadlines,
  responseCacheMegabytes,
  searchMemoryLimit,
  serverURL,
} from '../env'
import { seedDemoContent } from '../seed'
import { MONACO_URL_PATH, monacoDirectory } from '../lib/monaco'
import { admission, streamsRatherThanWorks } from './admission'
import { clientAddress } from './clientAddress'
import { isRootDeliveryPath, rootDeliveryUrls } from './delivery'
import { liveness, readiness } from './health'
import { requestLogger } from './requestLogger'
import { refuseMalformedRequests } from './requestShape'
import { requestDeadline } from './deadline'
import { publicResponses } from './responseCache'
import { securityHeaders } from './security'
import { payloadApi } from './payloadApi'
import { gracefulShutdown } from './shutdown'

type StartOptions = { root: string; dev: boolean }

const LIVENESS_PATH = '/healthz'
const READINESS_PATH = '/readyz'
const HEALTH_PATHS = new Set([LIVENESS_PATH, READINESS_PATH])

// Next.js's preparation blocks the event loop for about half a second.
const NEXT_PREPARE_DELAY_MS = 1_000
const CACHE_HIT_SUMMARY_INTERVAL_MS = 60_000

export async function startServer({ root, dev }: StartOptions): Promise<Server> {
  // Fail fast, before any connection is opened, on settings that can only be wrong.
  payloadSecret()
  corsOrigins()
  logFormat()
  logLevel()
  searchMemoryLimit()
  const heapGrowth = heapGrowingPercent()
  // V8 reads it at every full collection, so it holds from the next one on.
  if (heapGrowth) v8.setFlagsFromString(`--heap-growing-percent=${heapGrowth}`)
  const database = resolveDatabase(process.env.DATABASE_URI, { production: !dev })
  const port = configuredPort()
  const publicURL = serverURL()
  const limits = admissionLimits(database.kind)
  if (database.kind === 'sqlite') {
    checkSqliteFile(database.url, { production: !dev })
    await checkSchemaSource(database.url, { production: !dev })
  }

  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, cron: true }).catch((error: unknown) => {
    throw (database.kind === 'sqlite' && damagedDatabase(error, database.url)) || error
  })
  await maybeSeed(payload, dev)

  const api = payloadApi(payload.config)
  // The admin's pages only: the API does not wait for Next.js, which prepares after the server
  // listens (or on the first admin request), and whose failing to prepare stops the server.
  let nextHandler: Promise<RequestListener> | undefined
  const prepareNext = () => {
    if (!nextHandler) {
      nextHandler = import('next').then(async ({ default: next }) => {
        const nextApp = next({ dev, dir: root, port })
        await nextApp.prepare()
        return nextApp.getRequestHandler() as RequestListener
      })
      nextHandler.catch((error: unknown) => {
        payload.logger.fatal({ err: error }, 'Next.js could not prepare the admin')
        process.exit(1)
      })
    }
    return nextHandler
  }

  let shuttingDown = false
  const requestLog = requestLogger(payload.logger, { format: logFormat() })
  setInterval(requestLog.summarise, CACHE_HIT_SUMMARY_INTERVAL_MS).unref()
  const responses = publicResponses(payload.config, {
    store: process.env.RESPONSE_CACHE !== 'false',
    maxBytes: responseCacheMegabytes() * 1024 * 1024,
  })
  const app = express()
  app.disable('x-powered-by')
  app.use(clientAddress)
  const isData = (req: express.Request) =>
    api.handles(req) || isRootDeliveryPath(req.path) || HEALTH_PATHS.has(req.path)
  app.use(securityHeaders({ dev, https: publicURL.startsWith('https:'), previewOrigins: frontendOrigins(), isData }))
  app.use(refuseMalformedRequests(payload.config.routes.api))
  const compress = compression()
  // Wrapping every response costs even when nothing is compressed; skip clients that cannot decode.
  app.use((req, res, nextMiddleware) =>
    req.headers['accept-encoding'] ? compress(req, res, nextMiddleware) : nextMiddleware(),
  )
  // After compression, so what is hashed and kept is the uncompressed body.
  app.use(responses.record)
  app.get(LIVENESS_PATH, liveness)
  app.get(
    READINESS_PATH,
    readiness(payload, () => shuttingDown),
  )
  app.use(MONACO_URL_PATH, express.static(monacoDirectory(), { index: false, fallthrough: false }))
  // After the cache and health checks, which answer without Payload's work and never wait.
  app.use(
    requestDeadline({
      ...requestDeadlines(),
      applies: (req) => isData(req) && !HEALTH_PATHS.has(req.path) && !streamsRatherThanWorks(req),
    }),
  )
  app.use(admission({ ...limits, bypass: streamsRatherThanWorks }))
  app.use(rootDeliveryUrls(payload.config.routes.api))
  // No body parser here: Payload reads request bodies itself.
  app.all('/{*splat}', (req, res, nextMiddleware) =>
    (api.handles(req) ? api.handle(req, res) : prepareNext().then((handle) => handle(req, res))).catch(nextMiddleware),
  )
  app.use((error: Error, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    payload.logger.error({ err: error, url: req.originalUrl }, 'request failed')
    if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Internal Server Error' }] })
  })

  const server = await listen(
    (req, res) => {
      const started = process.hrtime.bigint()
      // Keep-alive sockets would hold a closing server open; ask clients to reconnect elsewhere.
      if (shuttingDown) res.setHeader('Connection', 'close')
      // A hit carries the headers the app gave the response it was kept from.
      if (responses.answerHit(req, res)) return requestLog.hit(req, res, started)
      requestLog.request(req, res, started)
      app(req, res)
    },
    port,
    configuredHost(),
  )
  const address = server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port
  payload.logger.info(
    `Devlog is running at ${process.env.SERVER_URL ? publicURL : `http://localhost:${boundPort}`} (${dev ? 'development' : 'production'})`,
  )
  payload.logger.info(`Admin: ${process.env.SERVER_URL ? publicURL : `http://localhost:${boundPort}`}/admin`)
  // A moment later, so a new instance's first API requests are not held up behind it.
  setTimeout(prepareNext, NEXT_PREPARE_DELAY_MS)

  gracefulShutdown({
    server,
    logger: payload.logger,
    onStart: () => {
      shuttingDown = true
    },
    // After the last request has been answered, so the summary counts every hit.
    close: () => {
      requestLog.summarise()
      return payload.destroy()
    },
  })
  return server
}

function listen(handler: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler)
    server.once('listening', () => resolve(server))
    server.once('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE')
        reject(new ConfigError(`port ${port} is already in use. Stop the other process or set PORT to a free port.`))
      else if (code === 'EACCES')
        reject(new ConfigError(`no permission to listen on port ${port}. Use a port above 1023 or set PORT.`))
      else reject(error)
    })
    server.listen(port, host)
  })
}

/**
 * Development loads the demo content into an empty database so a newcomer has something to look
 * at; production only when asked (SEED_DEMO=true), since its first admin is created in the UI.
 */
async function maybeSeed(payload: Payload, dev: boolean) {
  const wanted = process.env.SEED_DEMO ? process.env.SEED_DEMO === 'true' : dev
  if (!wanted) return
  const email = process.env.ADMIN_EMAIL || 'admin@devlog.local'
  const password = process.env.ADMIN_PASSWORD || DEMO_ADMIN_PASSWORD
  // Demo content is a convenience: whatever goes wrong with it, the server still starts.
  const result = await seedDemoContent(payload, { email, password }).catch((error: unknown) => ({
    seeded: false as const,
    reason: error instanceof Error ? error.message : String(error),
  }))
  if (result.seeded) {
    payload.logger.info(
      `Demo content loaded. Log in at /admin as ${email} with the password ${process.env.ADMIN_PASSWORD ? 'from ADMIN_PASSWORD' : `"${password}"`}.`,
    )
  } else {
    payload.logger.warn(`Demo content not loaded: ${result.reason}.`)
  }
}
