import type { AfterErrorHook } from 'payload'

/** Request-reading failures Payload's router meets before any operation runs, with what they mean. */
const UNREADABLE_REQUESTS: [test: (error: Error) => boolean, message: (error: Error) => string][] = [
  [(error) => error instanceof URIError, () => 'The URL has a broken %-escape.'],
  [
    (error) =>
      /unexpected end of form|malformed part header|boundary not found|multipart|not eligible for file upload/i.test(
        error.message,
      ),
    (error) => `The multipart body cannot be read: ${error.message}.`,
  ],
  [(error) => error instanceof SyntaxError && /JSON/.test(error.message), () => 'A JSON parameter is not valid JSON.'],
]

/**
 * A request Payload cannot even read (a broken `%` escape, a truncated multipart body, a `where`
 * parameter that is not JSON) is the client's mistake: a 400 saying which, instead of a 500.
 */
export const answerUnreadableRequests: AfterErrorHook = ({ error }) => {
  const { status } = error as Error & { status?: number }
  if (status !== undefined && status < 500) return
  const match = UNREADABLE_REQUESTS.find(([test]) => test(error))
  if (!match) return
  return { status: 400, response: { errors: [{ message: match[1](error) }] } }
}
