/**
 * Writes are all or nothing (issue #13, item 7): every save runs in a transaction, saves arriving
 * together are all stored (on SQLite they queue instead of failing as "database is locked"), and a
 * SQLite connection waits for a write lock held by another process.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { createLocalReq, handleEndpoints, type CollectionAfterChangeHook, type Payload } from 'payload'

import {
  createUser,
  databaseKinds,
  itWhere,
  itWithTransactions,
  startTestPayload,
  type TestPayload,
} from '../helpers/payload'
import { doc, paragraph, text } from '../helpers/lexical'
import { createPostingStudy, idOf } from '../helpers/studyGroups'
import { importRoster } from '../../collections/studyGroups/roster/importRoster'
import { generateSessions } from '../../collections/studyGroups/roster/sessions'

type Json = Record<string, any>

describe.each(databaseKinds())('on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let editorToken: string

  async function rest(url: string, method: string, token: string, json: unknown) {
    const response = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: context.key,
      request: new Request(`http://localhost:3000/api${url}`, {
        method,
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(json),
      }),
    })
    const body = await response.text()
    return { status: response.status, body: body ? (JSON.parse(body) as Json) : {} }
  }

  async function signIn(email: string) {
    const { token } = await payload.login({ collection: 'users', data: { email, password: 'test-password-1' } })
    return token!
  }

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    editorToken = await signIn((await createUser(payload, ['editor'])).email)
  })

  afterAll(async () => {
    await context.close()
  })

  const countWhere = async (collection: 'posts' | 'search-index' | 'members' | 'memberships', where: Json) =>
    (await payload.count({ collection, where, overrideAccess: true })).totalDocs

  describe('a save whose last step fails leaves nothing behind', () => {
    const itAtomic = itWithTransactions(kind)
    const failWhenTitled: CollectionAfterChangeHook = ({ doc: saved }) => {
      if (saved.title === 'Half written') throw new Error('a later step of the save failed')
      return saved
    }
    beforeAll(() => {
      payload.collections.posts.config.hooks.afterChange.push(failWhenTitled)
    })
    afterAll(() => {
      const hooks = payload.collections.posts.config.hooks.afterChange
      hooks.splice(hooks.indexOf(failWhenTitled), 1)
    })

    itAtomic('a published post: no row, no version, no search entry, not in the list', async () => {
      const response = await rest('/posts', 'POST', editorToken, {
        title: 'Half written',
        _status: 'published',
        content: doc(paragraph(text('Nothing of this may stay.'))),
      })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(await countWhere('posts', { title: { equals: 'Half written' } })).toBe(0)
      expect(
        (await payload.countVersions({ collection: 'posts', where: { 'version.title': { equals: 'Half written' } } }))
          .totalDocs,
      ).toBe(0)
      expect(await countWhere('search-index', { title: { equals: 'Half written' } })).toBe(0)
      const list = await payload.find({
        collection: 'posts',
        where: { title: { equals: 'Half written' } },
        draft: true,
      })
      expect(list.totalDocs).toBe(0)
    })

    itAtomic('an update keeps the post as it was', async () => {
      const post = await payload.create({
        collection: 'posts',
        data: { title: 'Whole', _status: 'published', content: doc(paragraph(text('Kept.'))) } as never,
      })
      const response = await rest(`/posts/${post.id}`, 'PATCH', editorToken, { title: 'Half written' })
      expect(response.status).toBeGreaterThanOrEqual(400)
      const stored = await payload.findByID({ collection: 'posts', id: post.id, depth: 0 })
      expect(stored.title).toBe('Whole')
      expect(await countWhere('search-index', { title: { equals: 'Half written' } })).toBe(0)
    })

    itAtomic('a roster import whose last row fails writes none of its rows', async () => {
      const { cohort } = await createPostingStudy(payload, { name: 'Rollback study', members: 0 })
      const admin = (
        await payload.find({ collection: 'users', where: { email: { equals: 'bootstrap-admin@test.local' } } })
      ).docs[0]
      const csv = [
        'name,handle,email',
        'First Person,rollback-first,first@rollback.test',
        'Second Person,rollback-second,second@rollback.test',
      ].join('\n')
      const failOnSecond: CollectionAfterChangeHook = ({ doc: saved }) => {
        if (saved.handle === 'rollback-second') throw new Error('the second row failed')
        return saved
      }
      payload.collections.members.config.hooks.afterChange.push(failOnSecond)
      try {
        await expect(
          importRoster(
            await createLocalReq({ user: { ...admin, collection: 'users' } as never }, payload),
            cohort.id,
            csv,
            false,
          ),
        ).rejects.toThrow('the second row failed')
      } finally {
        const hooks = payload.collections.members.config.hooks.afterChange
        hooks.splice(hooks.indexOf(failOnSecond), 1)
      }
      expect(await countWhere('members', { handle: { in: ['rollback-first', 'rollback-second'] } })).toBe(0)
      expect(await countWhere('memberships', { cohort: { equals: cohort.id } })).toBe(0)
    })
  })

  describe('saves arriving together', () => {
    it('forty posts created at once are all stored, each with its search entry', async () => {
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          rest('/posts', 'POST', editorToken, {
            title: `Together ${i}`,
            _status: 'published',
            content: doc(paragraph(text(`Post number ${i}.`))),
          }),
        ),
      )
      expect(responses.map((response) => response.status)).toEqual(Array(40).fill(201))
      expect(await countWhere('posts', { title: { like: 'Together' } })).toBe(40)
      expect(await countWhere('search-index', { title: { like: 'Together' } })).toBe(40)
    })

    it('members submitting at once, and one member twice at once, leave one submission each', async () => {
      const { cohort, people, operator } = await createPostingStudy(payload, {
        name: 'Concurrent study',
        members: 12,
        start: '2027-03-01',
      })
      await generateSessions(
        await createLocalReq({ user: { ...operator, collection: 'users' } as never }, payload),
        cohort.id,
      )
      const [week] = (
        await payload.find({
          collection: 'study-sessions',
          where: { cohort: { equals: cohort.id } },
          sort: 'number',
          limit: 1,
        })
      ).docs
      expect(week).toBeDefined()
      const tokens = await Promise.all(people.map(({ user }) => signIn(user.email)))
      const submissions = [...tokens, tokens[0], tokens[0]].map((token, i) =>
        rest('/submissions/submit', 'POST', token, { session: week.id, url: `https://blog.example.com/together/${i}` }),
      )
      const statuses = (await Promise.all(submissions)).map((response) => response.status)
      expect(statuses.every((status) => status === 200 || status === 201)).toBe(true)
      const stored = await payload.find({
        collection: 'submissions',
        where: { session: { equals: week.id } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
      expect(stored.totalDocs).toBe(people.length)
      expect(new Set(stored.docs.map((submission) => String(idOf(submission.membership)))).size).toBe(people.length)
    })
  })

  describe('another process holding the write lock', () => {
    itWhere(kind === 'sqlite', `on ${kind}: SQLite's file lock; a MongoDB server serves every process`)(
      'a save waits for it instead of failing as "database is locked"',
      async () => {
        // A transaction first, so the save below runs on a connection libsql opened afterwards.
        await payload.create({ collection: 'tags', data: { name: 'Before the lock' } })
        const holder = spawn(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `import { createClient } from '@libsql/client'
           const client = createClient({ url: ${JSON.stringify(`file:${path.join(context.dir, 'test.db')}`)} })
           await client.execute('BEGIN IMMEDIATE')
           process.stdout.write('locked\\n')
           setTimeout(async () => { await client.execute('COMMIT'); process.exit(0) }, 600)`,
          ],
          { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
        )
        const exited = new Promise<number | null>((resolve) => holder.on('exit', resolve))
        await Promise.race([
          new Promise<void>((resolve) =>
            holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve()),
          ),
          exited.then((code) => Promise.reject(new Error(`the lock holder exited before locking (${code})`))),
        ])
        const tag = await payload.create({ collection: 'tags', data: { name: 'While locked' } })
        expect(tag.name).toBe('While locked')
        expect(await exited).toBe(0)
      },
    )
  })
})
