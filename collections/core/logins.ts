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
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .trim()
    .toLowerCase()
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
