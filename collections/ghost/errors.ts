import { randomUUID } from 'node:crypto'

/** Ghost's error types, with the status each answers. */
const STATUS = {
  BadRequestError: 400,
  UnauthorizedError: 401,
  NoPermissionError: 403,
  NotFoundError: 404,
  TooManyRequestsError: 429,
} as const
export type GhostErrorType = keyof typeof STATUS

/** An error a Ghost client understands: its `type` becomes the thrown error's `name`. */
export class GhostError extends Error {
  constructor(
    readonly type: GhostErrorType,
    message: string,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = type
  }
  get status() {
    return STATUS[this.type]
  }
}

/** Every answer on these routes may be read from any origin, as Ghost's are. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  Vary: 'Accept-Version, Accept-Encoding',
} as const

/** `{ errors: [{ message, type, … }] }` as Ghost sends it. */
export function ghostErrorResponse(error: GhostError): Response {
  return Response.json(
    {
      errors: [
        {
          message: error.message,
          context: null,
          type: error.type,
          details: null,
          property: null,
          help: null,
          code: error.code,
          id: randomUUID(),
          ghostErrorCode: null,
        },
      ],
    },
    { status: error.status, headers: { ...CORS_HEADERS, 'Cache-Control': 'no-cache, private', ...error.headers } },
  )
}
