import type { Payload, PayloadRequest } from 'payload'

/** A post by its current slug, or by a former one together with where it moved. */
export async function findPostBySlug(payload: Payload, req: PayloadRequest, slug: string, draft = false) {
  const options = { collection: 'posts' as const, limit: 1, overrideAccess: false, user: req.user, req, draft }
  const current = await payload.find({ ...options, where: { slug: { equals: slug } } })
  if (current.docs[0]) return { doc: current.docs[0], redirectedFrom: null }
  const former = await payload.find({ ...options, where: { previousSlugs: { equals: slug } } })
  if (former.docs[0]) return { doc: former.docs[0], redirectedFrom: slug }
  return null
}
