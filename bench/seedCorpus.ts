import type { Payload } from 'payload'

import { markdownToLexical } from '../collections/shared/richtext/markdown'
import { corpusPost, TAG_NAMES, type CorpusPost } from './corpus'

export type SeededPost = Omit<CorpusPost, 'markdown'> & { content: unknown }

/** The corpus's 30 tags, made with `data` (the baseline app needs its own slugs); their ids by name. */
export async function createTags(payload: Payload, data: (name: string, index: number) => Record<string, unknown>) {
  const ids = new Map<string, number | string>()
  for (const [index, name] of TAG_NAMES.entries()) {
    const tag = await payload.create({ collection: 'tags' as never, data: data(name, index) as never })
    ids.set(name, (tag as { id: number | string }).id)
  }
  return ids
}

/** The first `count` corpus posts, published through Devlog's Local API, as they were stored. */
export async function seedCorpus(payload: Payload, count: number, progress?: (done: number) => void) {
  const tagIds = await createTags(payload, (name) => ({ name }))
  const seeded: SeededPost[] = []
  for (let index = 0; index < count; index++) {
    const { markdown, ...post } = corpusPost(index)
    const content = markdownToLexical(payload, 'posts', 'content', markdown)
    await payload.create({
      collection: 'posts',
      data: { ...post, content, tags: post.tags.map((name) => tagIds.get(name)!), _status: 'published' } as never,
    })
    seeded.push({ ...post, content })
    progress?.(index + 1)
  }
  return seeded
}
