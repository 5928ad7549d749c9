import type { NextFunction, Request, RequestHandler, Response } from 'express'

export type AdmissionOptions = {
  /** Requests worked on at once; the rest wait in arrival order. */
  maxActive: number
  /** Waiting requests beyond this are turned away with 503 and Retry-After. */
  maxQueued: number
  /** Requests that never wait (built assets, uploaded files, uploads). */
  bypass?: (req: Request) => boolean
}

const FROM_DISK = /^\/(_next\/static\/|_devlog\/|favicon|api\/media\/file\/)/

/**
 * Requests whose time goes to the network or the disk rather than the CPU: built assets and
 * uploaded files stream from disk, and uploads stream in at the client's pace.
 */
export const streamsRatherThanWorks = (req: Request): boolean =>
  FROM_DISK.test(req.path) || Boolean(req.is('multipart/form-data'))

/**
 * When request handlers keep the event loop busy (SQLite queries run on it), Node reads the
 * waiting sockets in no fair order and some connections wait for many rounds: a bare Node server
 * spending 10 ms of CPU per request answered 50 connections with p50 249 ms and p99 4.3 s. Queuing
 * requests in arrival order and starting each on a later turn of the loop, a few at a time, gave
 * p50 531 ms and p99 964 ms at the same throughput. The queue also bounds the memory held by work
 * in progress. A request whose client leaves while it waits is dropped without being run.
 * Requests that mostly wait on the network rather than the CPU (uploads streaming in) should be
 * let through with `bypass`, so a slow client cannot hold a turn.
 */
export function admission({ maxActive, maxQueued, bypass }: AdmissionOptions): RequestHandler {
  let active = 0
  const waiting: Array<{ admit: () => void }> = []

  const release = () => {
    active -= 1
    if (waiting.length && active < maxActive) waiting.shift()!.admit()
  }

  const admit = (res: Response, next: NextFunction) => {
    active += 1
    // The turn ends when the response is complete ('prefinish'), not when a slow client has read
    // it all; 'close' covers a client that left first.
    let released = false
    const releaseOnce = () => {
      if (released) return
      released = true
      release()
    }
    res.once('prefinish', releaseOnce)
    res.once('close', releaseOnce)
    // Started on the next turn of the event loop, so sockets that became readable meanwhile are
    // read (and queued in order) first rather than after this request's work.
    setImmediate(next)
  }

  return (req: Request, res: Response, next: NextFunction) => {
    if (bypass?.(req)) return next()
    if (active < maxActive) return admit(res, next)
    if (waiting.length >= maxQueued) {
      res
        .status(503)
        .set('Retry-After', '1')
        .json({ errors: [{ message: 'The server is busy; retry in a second.' }] })
      return
    }
    const entry = { admit: () => admit(res, next) }
    waiting.push(entry)
    res.once('close', () => {
      const at = waiting.indexOf(entry)
      if (at !== -1) waiting.splice(at, 1)
    })
  }
}
