import type { PayloadRequest } from 'payload'

import { forwardedClientAddress, processWide, type ClientAddress } from '../core/throttle'
import { GhostError } from './errors'

/** Failed requests one address may make in an hour before it waits, as Ghost's `spam.content_api_key`. */
const FREE_FAILURES = 100
const HOUR_MS = 60 * 60_000

type Failures = { count: number; since: number; blockedUntil: number }

/**
 * Checks the request's `key` as Ghost does: none → 403, several → 400, unknown → 401. An address
 * with 100 failures within an hour is refused (429) for an hour; a success clears its count.
 */
export function contentKeyCheck(clientAddress: ClientAddress = forwardedClientAddress) {
  const failures = processWide('payload-devlog.contentApiKeyFailures', () => new Map<string, Failures>())

  return async (req: PayloadRequest) => {
    const address = clientAddress(req) ?? 'unknown'
    const now = Date.now()
    const record = failures.get(address)
    if (record && record.blockedUntil > now) {
      const seconds = Math.ceil((record.blockedUntil - now) / 1000)
      throw new GhostError('TooManyRequestsError', 'Too many attempts try again in an hour', 'TOO_MANY_REQUESTS', {
        'Retry-After': String(seconds),
      })
    }
    const fail = (error: GhostError) => {
      const current = record && now - record.since < HOUR_MS ? record : { count: 0, since: now, blockedUntil: 0 }
      current.count += 1
      if (current.count >= FREE_FAILURES) current.blockedUntil = now + HOUR_MS
      failures.set(address, current)
      return error
    }
    const keys = req.searchParams.getAll('key')
    if (keys.length === 0) throw fail(new GhostError('NoPermissionError', 'Authorization failed', null))
    if (keys.length > 1) throw fail(new GhostError('BadRequestError', 'Multiple content API keys', 'INVALID_REQUEST'))
    const { totalDocs } = /^[0-9a-f]{26}$/.test(keys[0])
      ? await req.payload.count({
          collection: 'content-api-keys',
          where: { key: { equals: keys[0] } },
          overrideAccess: true,
          req,
        })
      : { totalDocs: 0 }
    if (totalDocs === 0)
      throw fail(new GhostError('UnauthorizedError', 'Unknown Content API Key', 'UNKNOWN_CONTENT_API_KEY'))
    failures.delete(address)
  }
}
