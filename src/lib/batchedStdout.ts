import pino from 'pino'

let stdout: pino.DestinationStream | undefined

/**
 * Standard output for the JSON log, written several kilobytes at a time instead of with a system
 * call per line: there is a line for every request, cache hits included, and its write was a
 * tenth of a hit's time. Held-back lines are written every half second, so a quiet server's still
 * show promptly, and on exit (pino flushes an asynchronous destination then, a crash's included).
 * One per process, however many configs the process builds.
 */
export function batchedStdout(): pino.DestinationStream {
  stdout ??= pino.destination({ dest: 1, sync: false, minLength: 8192, periodicFlush: 500 })
  return stdout
}
