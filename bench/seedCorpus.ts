import { performance } from 'node:perf_hooks'
import { commitTransaction, createLocalReq, initTransaction, type Payload } from 'payload'

import { markdownToLexical } from '../collections/shared/richtext/markdown'
import { corpusPost, TAG_NAMES, type CorpusPost } from './corpus'

export type SeededPost = Omit<CorpusPost, 'markdown'> & { content: unknown }

/** Posts created per transaction: one commit each where the database has transactions. */
export const SEED_BATCH = 100

/** The corpus's 30 tags, made with `data` (the baseline app needs its own slugs); their ids by name. */
export async function createTags(payload: Payload, data: (name: string, index: number) => Record<string, unknown>) {
  const ids = new Map<string, number | string>()
  for (const [index, name] of TAG_NAMES.entries()) {
    const tag = await payload.create({ collection: 'tags' as never, data: data(name, index) as never })
    ids.set(name, (tag as { id: number | string }).id)
  }
  return ids
}

/** `count` corpus posts from `from` on, their Markdown converted to Lexical, as both apps store them. */
export function corpusDocuments(payload: Payload, count: number, from = 0): SeededPost[] {
  return Array.from({ length: count }, (_, offset) => {
    const { markdown, ...post } = corpusPost(from + offset)
    return { ...post, content: markdownToLexical(payload, 'posts', 'content', markdown) }
  })
}

export type CreateOptions = {
  /** The document to create for a post (its tags and status are set here). */
  data?: (post: SeededPost) => Record<string, unknown>
  progress?: (done: number) => void
  /** Awaited before each batch, outside the time measured: batches taken in turns with another process. */
  turn?: () => Promise<void>
}

/**
 * Publishes `posts` through the Local API, `SEED_BATCH` to a transaction (a database without
 * transactions writes each statement on its own); the milliseconds the batches took.
 */
export async function createPosts(
  payload: Payload,
  posts: SeededPost[],
  tagIds: Map<string, number | string>,
  { data = (post) => post, progress, turn }: CreateOptions = {},
): Promise<number> {
  let ms = 0
  for (let start = 0; start < posts.length; start += SEED_BATCH) {
    await turn?.()
    const started = performance.now()
    const req = await createLocalReq({}, payload)
    const ownsTransaction = await initTransaction(req)
    for (const post of posts.slice(start, start + SEED_BATCH)) {
      await payload.create({
        collection: 'posts' as never,
        data: { ...data(post), tags: post.tags.map((name) => tagIds.get(name)!), _status: 'published' } as never,
        req,
      })
    }
    if (ownsTransaction) await commitTransaction(req)
    ms += performance.now() - started
    progress?.(Math.min(start + SEED_BATCH, posts.length))
  }
  return ms
}

/** The first `count` corpus posts, published through Devlog's Local API, as they were stored. */
export async function seedCorpus(payload: Payload, count: number, options: Omit<CreateOptions, 'data'> = {}) {
  const tagIds = await createTags(payload, (name) => ({ name }))
  const posts = corpusDocuments(payload, count)
  const createMs = await createPosts(payload, posts, tagIds, options)
  return { posts, createMs }
}
