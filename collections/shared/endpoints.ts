import { addDataAndFileToRequest, APIError, type PayloadHandler, type PayloadRequest } from 'payload'

/** A path parameter, decoded. */
export const param = (req: PayloadRequest, name: string) => decodeURIComponent(String(req.routeParams?.[name] ?? ''))

/** The request body as JSON (or form data), read once. */
export async function body<T>(req: PayloadRequest): Promise<T> {
  await addDataAndFileToRequest(req)
  return (req.data ?? {}) as T
}

export function file(content: string, type: string, filename: string): Response {
  return new Response(content, {
    headers: {
      'content-type': `${type}; charset=utf-8`,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    },
  })
}

export const json =
  (handler: (req: PayloadRequest) => Promise<unknown>, status = 200): PayloadHandler =>
  async (req) =>
    Response.json(await handler(req), { status })

export function parseWeek(raw: string | null): number | undefined {
  if (raw === null || raw === '') return undefined
  const week = Number(raw)
  if (!Number.isInteger(week) || week < 1)
    throw new APIError('week must be a whole number from 1.', 400, undefined, true)
  return week
}
