import type { Server } from 'node:http'
import type { Payload } from 'payload'

export const SHUTDOWN_DEADLINE_MS = 10_000

type ShutdownOptions = {
  server: Server
  logger: Payload['logger']
  onStart: () => void
  close: () => Promise<void>
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish, close the
 * database, exit 0. Connections still open near the deadline are cut so the exit stays within it.
 */
export function gracefulShutdown({ server, logger, onStart, close }: ShutdownOptions) {
  let started = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (started) return
    started = true
    onStart()
    logger.info(`${signal} received: finishing in-flight requests, then closing.`)
    const deadline = setTimeout(() => {
      logger.warn('Requests still open near the shutdown deadline: closing their connections.')
      server.closeAllConnections()
    }, SHUTDOWN_DEADLINE_MS - 2_000)
    deadline.unref()
    server.close(async () => {
      clearTimeout(deadline)
      try {
        await close()
        logger.info('Shut down cleanly.')
        process.exit(0)
      } catch (error) {
        logger.error({ err: error }, 'Error while closing the database')
        process.exit(1)
      }
    })
    server.closeIdleConnections()
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}
