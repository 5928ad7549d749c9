import type { Payload, PayloadRequest, SelectType } from 'payload'

/**
 * The forms of a post's body a reader asks for: the HTML Devlog renders from it, the Lexical JSON
 * (for a front end that renders it itself), or both. A front end rarely needs both, and the
 * Lexical JSON is the larger part of a post and of the time its read takes.
 */
export const POST_BODIES = ['both', 'html', 'lexical'] as const
export type PostBody = (typeof POST_BODIES)[number]
const SELECT_FOR_BODY: Record<PostBody, SelectType | undefined> = {
  both: undefined,
  html: { content: false },
  lexical: { contentHtml: false },
}

/** A post by its current slug, or by a former one together with where it moved. */
export async function findPostBySlug(
  payload: Payload,
  req: PayloadRequest,
  slug: string,
  { draft = false, body = 'both' }: { draft?: boolean; body?: PostBody } = {},
) {
  const options = {
    collection: 'posts' as const,
    limit: 1,
    // One post, never a page of them: no count query.
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
    draft,
    select: SELECT_FOR_BODY[body],
  }
  const current = await payload.find({ ...options, where: { slug: { equals: slug } } })
  if (current.docs[0]) return { doc: current.docs[0], redirectedFrom: null }
  const former = await payload.find({ ...options, where: { previousSlugs: { equals: slug } } })
  if (former.docs[0]) return { doc: former.docs[0], redirectedFrom: slug }
  return null
}
