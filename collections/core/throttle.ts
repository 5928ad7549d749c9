import {
  type AfterErrorHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { httpError } from '../shared/endpoints'

/** Failed logins an address may make to one account before it waits. */
const FREE_FAILURES = 5
/** Waits double with each further failure, up to this. */
const MAX_WAIT_MS = 15 * 60_000
/** Login requests one address may make in an hour, to any accounts. */
const HOURLY_LOGINS = 100
const HOUR_MS = 60 * 60_000

type Failures = { count: number; until: number }
type Hourly = { count: number; since: number }

export type ClientAddress = (req: PayloadRequest) => string | undefined

/**
 * The address a login comes from: the `x-forwarded-for` a proxy in front sets, else
 * `x-real-ip`. A server reached directly should say where the socket comes from instead
 * (Devlog's own server does: see `clientAddress` in the plugin options).
 */
export const forwardedClientAddress: ClientAddress = (req) =>
  req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || req.headers.get('x-real-ip')?.trim() || undefined

const CONTEXT_KEY = 'devlogLoginThrottle'

/**
 * State shared by every copy of this module in the process: Next.js bundles each route (REST,
 * GraphQL) with its own copy, and a login refused over one must be refused over the other.
 */
export function processWide<T>(name: string, create: () => T): T {
  const registry = globalThis as unknown as Record<symbol, T | undefined>
  return (registry[Symbol.for(name)] ??= create())
}

/**
 * Login throttling in the spirit of Ghost's: each address may fail 5 times for an account, then
 * waits 1 s, 2 s, 4 s … (at most 15 min) after each further failure, and may send 100 logins an hour
 * in all. Answers `429` with `Retry-After`. Failures are counted per address and account, so
 * nobody can lock an owner out of their account from elsewhere; a success clears its count.
 */
export function loginThrottle(clientAddress: ClientAddress) {
  const { failures, hourly } = processWide('payload-devlog.loginThrottle', () => ({
    failures: new Map<string, Failures>(),
    hourly: new Map<string, Hourly>(),
  }))

  const refuse = (req: PayloadRequest, waitMs: number, message: string) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000))
    req.responseHeaders = new Headers({ 'Retry-After': String(seconds) })
    return httpError(`${message} Try again in ${seconds} s.`, 429)
  }

  const before: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    if (operation !== 'login') return args
    const address = clientAddress(req) ?? 'unknown'
    const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
      .trim()
      .toLowerCase()
    const time = Date.now()
    if (hourly.size > 10_000) for (const [key, entry] of hourly) if (time - entry.since > HOUR_MS) hourly.delete(key)
    const hour = hourly.get(address)
    const current = hour && time - hour.since < HOUR_MS ? hour : { count: 0, since: time }
    if (current.count >= HOURLY_LOGINS)
      throw refuse(req, current.since + HOUR_MS - time, 'Too many login attempts from this address.')
    current.count += 1
    hourly.set(address, current)

    const key = `${address} ${email}`
    const failed = failures.get(key)
    if (failed && failed.until > time) throw refuse(req, failed.until - time, 'Too many failed logins to this account.')
    req.context[CONTEXT_KEY] = key
    return args
  }

  /** A login that succeeded clears its address's failures for the account. */
  const after: CollectionAfterOperationHook = ({ operation, req, result }) => {
    if (operation === 'login' && typeof req.context[CONTEXT_KEY] === 'string') failures.delete(req.context[CONTEXT_KEY])
    return result
  }

  /** A login refused for its credentials (REST or GraphQL) counts; the sixth and later ones make the address wait. */
  const recordFailure: AfterErrorHook = ({ error, req }) => {
    const key = req.context[CONTEXT_KEY]
    if (typeof key !== 'string' || (error as { status?: number }).status !== 401) return
    delete req.context[CONTEXT_KEY]
    const failed = failures.get(key) ?? { count: 0, until: 0 }
    failed.count += 1
    if (failed.count >= FREE_FAILURES)
      failed.until = Date.now() + Math.min(MAX_WAIT_MS, 1000 * 2 ** (failed.count - FREE_FAILURES))
    failures.set(key, failed)
  }

  return { before, after, recordFailure }
}
