import type { Payload } from 'payload'

/** Every document of a collection, unpopulated and regardless of access, oldest first. */
export async function allDocuments<T = Record<string, unknown>>(
  payload: Payload,
  collection: string,
  select?: Record<string, true>,
): Promise<T[]> {
  const { docs } = await payload.find({
    collection: collection as never,
    ...(select ? { select: select as never } : {}),
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'createdAt',
  })
  return docs as unknown as T[]
}
