import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { markdownToLexical } from '../lib/markdown'
import { demoPosts, demoTags } from './demoContent'

export type SeedResult = { seeded: false; reason: string } | { seeded: true; adminEmail: string }

/**
 * Loads the demo content into an empty database, once: a database that already has a user is
 * left untouched. Everything is written in one transaction so a failed seed leaves nothing behind.
 */
export async function seedDemoContent(
  payload: Payload,
  admin: { email: string; password: string },
): Promise<SeedResult> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return { seeded: false, reason: 'the database already has users' }

  const req = await createLocalReq({}, payload)
  const ownsTransaction = await initTransaction(req)
  try {
    await payload.create({
      collection: 'users',
      data: { email: admin.email, password: admin.password, name: 'Devlog Admin', roles: ['admin'] },
      req,
    })
    const tagIds = new Map<string, number | string>()
    for (const tag of demoTags) {
      const created = await payload.create({ collection: 'tags', data: tag, req })
      tagIds.set(tag.name, created.id)
    }
    for (const post of demoPosts) {
      await payload.create({
        collection: 'posts',
        data: {
          title: post.title,
          excerpt: post.excerpt,
          content: markdownToLexical(payload, 'posts', 'content', post.markdown) as never,
          tags: post.tags.map((name) => tagIds.get(name)) as never,
          _status: 'published',
        },
        req,
      })
    }
    if (ownsTransaction) await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  return { seeded: true, adminEmail: admin.email }
}
