import {
  addDataAndFileToRequest,
  APIError,
  type CollectionSlug,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'

/**
 * The toolkit every Devlog endpoint uses: errors with their status, path parameters, ids, whole
 * numbers, choices, JSON bodies and file downloads. An error thrown with `httpError` reaches the client as
 * `{ errors: [{ message }] }` with that status, in REST and GraphQL alike.
 */
export const httpError = (message: string, status = 400) =>
  status < 500 ? new RequestRefused(message, status) : new APIError(message, status, undefined, true)

/**
 * A request refused for what it asked (a 4xx): the client's matter, not the server's fault. Its
 * own name lets Payload log it by `loggingLevels` at `info`, without a stack (see the guard).
 */
export class RequestRefused extends APIError {
  constructor(message: string, status: number) {
    super(message, status, undefined, true)
    this.name = 'RequestRefused'
  }
}

/**
 * The query parameters an endpoint takes, declared as its `custom.query` (name → what it means
 * and, for a choice, its values) for the OpenAPI spec.
 */
export type EndpointQuery = Record<string, { description: string; enum?: readonly string[] }>

/** A path parameter (Payload's router has already decoded it). */
export const param = (req: PayloadRequest, name: string) => String(req.routeParams?.[name] ?? '')

/**
 * Whether `text` can be the id of a document of `collection` (of any collection with the
 * database's own ids when not given): a positive whole number on SQLite, an ObjectId's 24 hex
 * digits on MongoDB, any text for a collection that names its ids itself.
 */
export function isIdText(req: PayloadRequest, text: string, collection?: string): boolean {
  const custom = collection ? req.payload.collections[collection as CollectionSlug]?.customIDType : undefined
  if ((custom ?? req.payload.db.defaultIDType) === 'number')
    return /^[1-9]\d{0,15}$/.test(text) && Number.isSafeInteger(Number(text))
  return custom ? text !== '' : /^[0-9a-f]{24}$/i.test(text)
}

/** What `isIdText` accepts, in the words of an answer to a client. */
export const ID_SHAPE = (req: PayloadRequest) =>
  req.payload.db.defaultIDType === 'number' ? 'a whole-number id' : 'a 24-character hex id'

/**
 * A document id as the database stores it: a positive whole number on SQLite, a 24-character
 * ObjectId on MongoDB. Anything else is a 400 naming `field`, never a lookup of something else.
 */
export function parseId(req: PayloadRequest, raw: unknown, field: string): number | string {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (isIdText(req, text)) return req.payload.db.defaultIDType === 'number' ? Number(text) : text
  throw httpError(`${field}: "${String(raw).slice(0, 40)}" is not a valid id.`)
}

/** The `:id` (or another) path parameter, checked like `parseId`. */
export const idParam = (req: PayloadRequest, name = 'id') => parseId(req, param(req, name), name)

/** A whole number from a query parameter or argument, `fallback` when it is absent. */
export function wholeNumber(
  raw: unknown,
  field: string,
  { min, max, fallback }: { min: number; max: number; fallback?: number },
): number {
  if (raw === undefined || raw === null || raw === '') {
    if (fallback !== undefined) return fallback
    throw httpError(`${field} is required.`)
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw httpError(`${field} must be a whole number from ${min} to ${max}.`)
  }
  return value
}

/** One of `choices` from a query parameter or argument, `fallback` when it is absent. */
export function oneOf<T extends string>(raw: unknown, field: string, choices: readonly T[], fallback: T): T {
  if (raw === undefined || raw === null || raw === '') return fallback
  if (choices.includes(raw as T)) return raw as T
  throw httpError(`${field} must be one of ${choices.join(', ')}.`)
}

/** The request body (JSON or form data), read once; anything but an object is a 400. */
export async function body<T extends object>(req: PayloadRequest): Promise<Partial<T>> {
  await addDataAndFileToRequest(req)
  const data: unknown = req.data ?? {}
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw httpError('The request body must be a JSON object.')
  }
  return data as Partial<T>
}

/** A download: the browser saves it under `filename`. */
export function file(content: string, type: string, filename: string): Response {
  return new Response(content, {
    headers: {
      'content-type': `${type}; charset=utf-8`,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    },
  })
}

/** A handler whose result is sent as JSON. */
export const json =
  (handler: (req: PayloadRequest) => Promise<unknown>, status = 200): PayloadHandler =>
  async (req) =>
    Response.json(await handler(req), { status })
