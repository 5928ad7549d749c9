import type { CollectionConfig, Config } from 'payload'
import { buildConfig, getPayload } from 'payload'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { devlogPlugin } from '../../collections'
import { closeDroppingDatabase, databaseKinds, hostDatabase, type DatabaseKind } from '../helpers/payload'

const Books: CollectionConfig = {
  slug: 'books',
  fields: [{ name: 'title', type: 'text', required: true }],
}

const HostUsers: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: { useAsTitle: 'nickname' },
  fields: [{ name: 'nickname', type: 'text' }],
}

let hostInitialised = 0

/** A host app's config; its database a SQLite file in `dir` unless another is given. */
function hostConfig(
  dir: string,
  db: Config['db'] = sqliteAdapter({ client: { url: `file:${path.join(dir, 'host.db')}` } }),
): Config {
  return {
    onInit: () => {
      hostInitialised += 1
    },
    secret: 'host-secret-0123456789abcdef0123456789',
    admin: { user: 'users', meta: { titleSuffix: ' · Host' } },
    collections: [Books, HostUsers],
    globals: [{ slug: 'site', fields: [{ name: 'motto', type: 'text' }] }],
    db,
    editor: lexicalEditor(),
    typescript: { autoGenerate: false },
  }
}

describe('devlogPlugin in another Payload app', () => {
  it('adds Devlog collections and keeps everything the host had', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-host-'))
    const host = hostConfig(dir)
    const result = devlogPlugin({ mediaDir: path.join(dir, 'media') })(host) as Config

    const slugs = result.collections!.map((collection) => collection.slug)
    expect(slugs).toEqual([
      'books',
      'users',
      'media',
      'tags',
      'series',
      'posts',
      'retrospective-areas',
      'retrospectives',
      'study-groups',
      'cohorts',
      'members',
      'memberships',
      'study-sessions',
      'submissions',
      'member-feed-items',
      'study-notices',
      'webhooks',
      'webhook-deliveries',
      'content-api-keys',
      'search-index',
    ])
    expect(result.collections![0]).toBe(Books)
    expect(result.globals).toEqual(host.globals)
    // Plus what Devlog's admin components read (where the code editor loads from), its dashboard
    // widgets, before Payload's collection cards since the host has no layout of its own, and the
    // page where a member claims their profile.
    expect(result.admin).toEqual({
      ...host.admin,
      custom: { devlog: { monacoURL: null } },
      dashboard: { widgets: expect.any(Array), defaultLayout: expect.any(Function) },
      components: {
        views: { devlogClaimMember: { Component: 'payload-devlog/rsc#ClaimMemberView', path: '/claim-member' } },
      },
    })
    expect(result.admin?.dashboard?.widgets.map((widget) => widget.Component)).toEqual([
      'payload-devlog/rsc#WritingWidget',
      'payload-devlog/rsc#GoalsWidget',
      'payload-devlog/rsc#CohortsWidget',
    ])
    expect(result.secret).toBe(host.secret)
    expect(result.onInit).toEqual(expect.any(Function))

    const users = result.collections!.find((collection) => collection.slug === 'users')!
    expect(users.admin).toEqual({ useAsTitle: 'nickname' })
    expect(users.auth).toBe(true)
    const userFieldNames = users.fields.map((field) => ('name' in field ? field.name : null))
    expect(userFieldNames[0]).toBe('nickname')
    expect(userFieldNames).toEqual(expect.arrayContaining(['roles', 'name', 'bio', 'avatar', 'links']))
    // The host's own definition object is not mutated.
    expect(HostUsers.fields).toHaveLength(1)
  })

  it('refuses to replace a host collection that uses one of its slugs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-host-'))
    const host = { ...hostConfig(dir), collections: [{ slug: 'posts', fields: [] }] }
    expect(() => devlogPlugin()(host)).toThrow(/already has a collection "posts"/)
  })

  it.each(databaseKinds())(
    'runs on %s: the host app boots with the plugin and both sets of collections work',
    async (kind: DatabaseKind) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-host-'))
      const config = await buildConfig({
        ...hostConfig(dir, hostDatabase(kind, dir)),
        plugins: [devlogPlugin({ mediaDir: path.join(dir, 'media') })],
      })
      const initialisedBefore = hostInitialised
      const payload = await getPayload({ config, key: `host-app-${kind}` })
      try {
        const book = await payload.create({ collection: 'books' as never, data: { title: 'SICP' } as never })
        expect(book).toMatchObject({ title: 'SICP' })
        const post = await payload.create({
          collection: 'posts',
          data: { title: '호스트 앱의 글', _status: 'published' },
        })
        expect(post.slug).toBe('호스트-앱의-글')
        const global = await payload.updateGlobal({ slug: 'site' as never, data: { motto: 'kept' } as never })
        expect(global).toMatchObject({ motto: 'kept' })
        // The host's onInit still runs, alongside Devlog's.
        expect(hostInitialised).toBe(initialisedBefore + 1)
        expect((await payload.count({ collection: 'retrospective-areas' })).totalDocs).toBe(6)
      } finally {
        await closeDroppingDatabase(payload)
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  )
})
