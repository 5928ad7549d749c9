import type { CollectionSlug, Payload } from 'payload'

/**
 * Every document of a collection, unpopulated and regardless of access, oldest first. The caller
 * names the collection and the shape it selects; a host's generated types cannot know either.
 */
export async function allDocuments<T = Record<string, unknown>>(
  payload: Payload,
  collection: string,
  select?: Record<string, true>,
): Promise<T[]> {
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    ...(select ? { select: select as never } : {}),
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'createdAt',
  })
  return docs as unknown as T[]
}
