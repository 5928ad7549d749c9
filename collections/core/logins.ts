import crypto from 'node:crypto'
import type { AfterErrorHook, CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'

import { processWide } from './throttle'

const RELEASE = Symbol('devlog.releaseLogin')
const queues = processWide('payload-devlog.loginQueues', () => new Map<string, Promise<void>>())

/**
 * Logins to one account run one after another. Each login adds a session to the user's row
 * (read, append, write); run side by side, they overwrite each other's sessions, and the tokens
 * of the lost ones are refused at once. Within one server process this keeps every token valid.
 */
export const serialiseLogins: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const email = loginEmail(args)
  const previous = queues.get(email) ?? Promise.resolve()
  let release!: () => void
  const current = new Promise<void>((resolve) => (release = resolve))
  const tail = previous.then(() => current)
  queues.set(email, tail)
  await previous
  // Released when the login ends (below); a failure no hook sees (a wrong password through the
  // Local API) holds the next login to this account back for at most 3 s.
  const timer = setTimeout(release, 3_000)
  req.context[RELEASE as unknown as string] = () => {
    clearTimeout(timer)
    release()
    if (queues.get(email) === tail) queues.delete(email)
  }
  return args
}

/**
 * Payload's current password hash (`pbkdf2-sha256-v1`: PBKDF2-SHA256, 600,000 iterations, 32
 * bytes), which every password set since Payload 3.x is stored with. A test checks that the
 * stored hashes still look like it.
 */
const PASSWORD_HASH = { iterations: 600_000, keyLength: 32, digest: 'sha256' } as const
const DECOY_SALT = crypto.randomBytes(32).toString('hex')

const loginEmail = (args: unknown) => {
  const email = (args as { data?: { email?: unknown } }).data?.email
  return typeof email === 'string' ? email.trim().toLowerCase() : ''
}

/**
 * An unknown account gets the same password check as a known one. Payload refuses an unknown
 * email before hashing anything (milliseconds, against a key derivation's ~150 ms for a known
 * one), which tells anyone which emails have accounts; deriving a key from the given password
 * against a decoy salt makes both answers cost one derivation, also under load.
 */
export const checkPasswordsOfUnknownAccounts: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'login') return args
  const email = loginEmail(args)
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (!email || typeof password !== 'string') return args
  const account = await req.payload.db.findOne({
    collection: collection.slug,
    where: { email: { equals: email } },
    req,
  })
  if (!account) {
    const { iterations, keyLength, digest } = PASSWORD_HASH
    await new Promise((resolve) => crypto.pbkdf2(password, DECOY_SALT, iterations, keyLength, digest, resolve))
  }
  return args
}

const releaseLogin = (context: Record<string, unknown>) => {
  const release = context[RELEASE as unknown as string] as (() => void) | undefined
  delete context[RELEASE as unknown as string]
  release?.()
}

export const releaseLoginAfterSuccess: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (operation === 'login') releaseLogin(req.context)
  return result
}

/** Config-level, so it runs for REST and GraphQL alike. */
export const releaseLoginAfterError: AfterErrorHook = ({ req }) => {
  releaseLogin(req.context)
}
