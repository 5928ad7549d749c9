import type { NextFunction, Request, RequestHandler, Response } from 'express'

export type DeadlineOptions = {
  /** How long a read (GET, HEAD) may take, waiting for its turn included. */
  readMs: number
  /** How long a write may take: longer, since a write cut short may still land. */
  writeMs: number
  /** The requests the deadline is for (the API and the feeds; not the admin's pages, nor files). */
  applies: (req: Request) => boolean
}

/**
 * A deadline for every API request: past it the client gets a 503 with `Retry-After` (or, when
 * the answer had begun, a cut connection), and the request's turn goes to the next one waiting
 * (`admission`). Payload cannot stop a query it has started, so the work itself ends when it
 * ends; no one request keeps the others waiting longer than the deadline.
 */
export function requestDeadline({ readMs, writeMs, applies }: DeadlineOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!applies(req)) return next()
    const ms = req.method === 'GET' || req.method === 'HEAD' ? readMs : writeMs
    const timer = setTimeout(() => {
      if (res.headersSent) return void res.destroy()
      res
        .status(503)
        .set('Retry-After', '1')
        .json({ errors: [{ message: `The request took longer than ${ms / 1000} s and was stopped; try again.` }] })
    }, ms)
    res.once('close', () => clearTimeout(timer))
    res.once('finish', () => clearTimeout(timer))
    next()
  }
}
