import type { NextFunction, Request, Response } from 'express'

/** The methods the API, the admin and the feeds answer; TRACE, CONNECT and the rest are refused. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * Refuses requests no route can read, before any of them tries: a method no route answers (405),
 * a path that is not UTF-8 percent-encoding (`%ff%fe`, 400), which Payload's router and Next.js
 * would otherwise meet as a URIError in whatever decodes it first, and the versions of Payload's
 * own collections, which keep none (Payload's route queries a table they lack: 404).
 */
export const refuseMalformedRequests = (apiRoute: string) => {
  const internalVersions = new RegExp(`^${apiRoute}/payload-[a-z-]+/versions(/|$)`)
  return (req: Request, res: Response, next: NextFunction) => {
    if (!METHODS.has(req.method)) {
      res.setHeader('Allow', [...METHODS].join(', '))
      res.status(405).json({ errors: [{ message: `The method ${req.method.slice(0, 20)} is not allowed.` }] })
      return
    }
    const path = (req.originalUrl ?? req.url).split('?', 1)[0]
    try {
      decodeURIComponent(path)
    } catch {
      res.status(400).json({ errors: [{ message: 'The path is not valid percent-encoded UTF-8.' }] })
      return
    }
    if (internalVersions.test(path)) {
      res.status(404).json({ errors: [{ message: "Payload's own collections keep no versions." }] })
      return
    }
    next()
  }
}
