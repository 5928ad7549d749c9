import type { LoggerOptions } from 'pino'

type LogMethod = NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>

/** Pino's number for `error`. */
const ERROR = 50

/**
 * Payload's job runner writes every failed task at `error` with its stack. A delivery to another
 * server (a webhook endpoint that is down, a mail server refusing) is retried with back-off and
 * recorded on the delivery: the receiver's matter, written at `warn` in one line. `error` stays
 * for the server's own faults.
 */
export const logDeliveryFailuresAtWarn = (tasks: readonly string[]): LogMethod =>
  function (args, method, level) {
    const [first] = args as unknown[]
    const entry = first as { err?: { message?: string }; taskSlug?: unknown; msg?: string; job?: { id?: unknown } }
    if (level >= ERROR && typeof entry?.taskSlug === 'string' && tasks.includes(entry.taskSlug))
      return this.warn({
        msg: `${entry.msg ?? 'Delivery failed'}: ${entry.err?.message ?? 'no reason given'}`,
        taskSlug: entry.taskSlug,
        job: entry.job?.id,
      })
    return method.apply(this, args)
  }

/** Several log method hooks as one, the first seeing each line first. */
export const chainLogMethods = (...hooks: LogMethod[]): LogMethod =>
  hooks.reduceRight<LogMethod>(
    (next, hook) =>
      function (args, method, level) {
        return hook.call(
          this,
          args,
          ((...passed: Parameters<typeof method>) => next.call(this, passed, method, level)) as typeof method,
          level,
        )
      },
    function (args, method) {
      return method.apply(this, args)
    },
  )
