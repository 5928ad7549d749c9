import type { Request, Response } from 'express'
import type { Payload } from 'payload'

const READINESS_TIMEOUT_MS = 2000

export const liveness = (_req: Request, res: Response) => {
  res.set('Cache-Control', 'no-store').json({ status: 'ok' })
}

/** Ready when the database answers a real query in time, and not while shutting down. */
export function readiness(payload: Payload, isShuttingDown: () => boolean) {
  return async (_req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store')
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' })
      return
    }
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        payload.count({ collection: 'users', overrideAccess: true }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`database did not answer within ${READINESS_TIMEOUT_MS} ms`)),
            READINESS_TIMEOUT_MS,
          )
        }),
      ])
      res.json({ status: 'ready', database: 'ok' })
    } catch (error) {
      payload.logger.warn({ err: error }, 'readiness check failed')
      res.status(503).json({ status: 'unavailable' })
    } finally {
      clearTimeout(timer)
    }
  }
}
