import type { LoggerOptions } from 'pino'

type LogMethod = NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>

/** Pino's number for `error`. */
const ERROR = 50

/**
 * Payload's GraphQL handler logs an error by the GraphQL error's own name, so a refusal (a wrong
 * password, a throttle, a bad argument) is written at `error` with its stack, where the same
 * refusal over REST is one line at `info` (`loggingLevels`). By the status of the error GraphQL
 * wraps (or of the error, for Payload's own APIErrors with a 4xx), such a refusal is written at
 * `info`: `error` stays for the server's own faults.
 */
export const logGraphQLRefusalsAtInfo: LogMethod = function (args, method, level) {
  const [first] = args as unknown[]
  const err = (
    first as {
      err?: { message?: string; status?: unknown; originalError?: { status?: unknown; message?: string } }
    }
  )?.err
  // The status of the error GraphQL wraps, or of the error itself: Payload's router logs an
  // APIError it threw with a 4xx (a delete without `where`) at error too.
  const status = err?.originalError?.status ?? err?.status
  if (level >= ERROR && typeof status === 'number' && status < 500) {
    return this.info({ msg: err?.originalError?.message ?? err?.message, status })
  }
  return method.apply(this, args)
}
