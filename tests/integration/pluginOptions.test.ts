import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { configToSchema } from '@payloadcms/graphql'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { graphql } from 'graphql'
import {
  buildConfig,
  createLocalReq,
  getPayload,
  handleEndpoints,
  type CollectionAfterChangeHook,
  type CollectionConfig,
  type Config,
  type Payload,
  type SanitizedConfig,
} from 'payload'

import { devlogPlugin, type DevlogPluginOptions } from '../../collections'
import { closeDroppingDatabase, databaseKinds, hostDatabase, type DatabaseKind } from '../helpers/payload'

/** A host app's config; its database a SQLite file in `dir` unless another is given. */
const hostConfig = (
  dir: string,
  db: Config['db'] = sqliteAdapter({ client: { url: `file:${path.join(dir, 'host.db')}` } }),
): Config => ({
  secret: 'host-secret-0123456789abcdef0123456789',
  admin: { user: 'users' },
  collections: [{ slug: 'users', auth: true, fields: [] }],
  db,
  editor: lexicalEditor(),
  typescript: { autoGenerate: false },
})

const slugs = (config: Config) => (config.collections ?? []).map((collection) => collection.slug)
const collection = (config: Config, slug: string) => config.collections!.find((each) => each.slug === slug)!
const fieldNames = (config: CollectionConfig) => config.fields.map((field) => ('name' in field ? field.name : null))

describe('devlogPlugin options', () => {
  describe.each(databaseKinds())('collection overrides, applied in a running host on %s', (kind: DatabaseKind) => {
    const savedTitles: string[] = []
    const rememberTitle: CollectionAfterChangeHook = ({ doc }) => {
      savedTitles.push(doc.title)
      return doc
    }
    const options: DevlogPluginOptions = {
      collectionOverrides: {
        posts: {
          fields: ({ defaultFields }) => [...defaultFields, { name: 'subtitle', type: 'text', maxLength: 120 }],
          admin: { group: 'Writing' },
          hooks: { afterChange: [rememberTitle] },
        },
        // Tags only for signed-in readers.
        tags: { access: { read: ({ req }) => Boolean(req.user) } },
      },
    }
    let dir: string
    let config: SanitizedConfig
    let payload: Payload
    const key = `plugin-options-${kind}`
    const rest = async (url: string) => {
      const response = await handleEndpoints({
        config,
        payloadInstanceCacheKey: key,
        request: new Request(`http://localhost:3000/api${url}`),
      })
      return { status: response.status, body: await response.json() }
    }
    const query = async (source: string) =>
      graphql({
        schema: configToSchema(config).schema,
        source,
        contextValue: { req: await createLocalReq({}, payload), headers: {} },
      })

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-options-'))
      config = await buildConfig({
        ...hostConfig(dir, hostDatabase(kind, dir)),
        plugins: [devlogPlugin({ ...options, mediaDir: path.join(dir, 'media') })],
      })
      payload = await getPayload({ config, key })
    })

    afterAll(async () => {
      await closeDroppingDatabase(payload)
      fs.rmSync(dir, { recursive: true, force: true })
    })

    it('adds the extra field to the schema, the REST API and GraphQL, with its validation', async () => {
      expect(payload.collections.posts.config.admin.group).toBe('Writing')
      const post = await payload.create({
        collection: 'posts',
        data: { title: 'Overridden', subtitle: 'with a subtitle', _status: 'published' } as never,
      })
      expect(post).toMatchObject({ subtitle: 'with a subtitle', slug: 'overridden' })

      const byId = await rest(`/posts/${post.id}`)
      expect(byId).toMatchObject({ status: 200, body: { subtitle: 'with a subtitle' } })

      const result = await query('{ Posts { docs { title subtitle } } }')
      expect(result.errors).toBeUndefined()
      expect(result.data).toEqual({ Posts: { docs: [{ title: 'Overridden', subtitle: 'with a subtitle' }] } })

      await expect(
        payload.create({ collection: 'posts', data: { title: 'Too long', subtitle: 'x'.repeat(121) } as never }),
      ).rejects.toThrow(/subtitle/i)
    })

    it("runs the host's hooks after Devlog's own", async () => {
      const post = await payload.create({
        collection: 'posts',
        data: {
          title: 'Hooked',
          content: {
            root: {
              type: 'root',
              version: 1,
              children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Body' }] }],
            },
          } as never,
        },
      })
      expect(savedTitles).toContain('Hooked')
      expect(post.contentHtml).toBe('<p>Body</p>')
    })

    it('enforces tightened access on every path: Local API, REST and GraphQL', async () => {
      await payload.create({ collection: 'tags', data: { name: 'Private' } })
      await expect(payload.find({ collection: 'tags', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
      expect((await rest('/tags')).status).toBe(403)
      const anonymous = await query('{ Tags { docs { name } } }')
      expect(anonymous.errors?.[0]?.message).toMatch(/not allowed/i)
      const admin = await payload.create({
        collection: 'users',
        data: { email: 'admin@options.test', password: 'options-password-1' },
      })
      const asUser = await payload.find({ collection: 'tags', overrideAccess: false, user: admin })
      expect(asUser.docs.map((tag) => tag.name)).toEqual(['Private'])
    })
  })

  describe('features and switches, in the config the plugin returns', () => {
    const dir = os.tmpdir()

    it('leaves a turned-off feature out entirely and narrows the others to what remains', () => {
      const config = devlogPlugin({ features: { retrospectives: { enabled: false }, feeds: { enabled: false } } })(
        hostConfig(dir),
      ) as Config
      expect(slugs(config)).not.toContain('retrospectives')
      expect(slugs(config)).not.toContain('retrospective-areas')
      const searchIndex = collection(config, 'search-index')
      const indexed = searchIndex.fields.find((field) => 'name' in field && field.name === 'doc')
      expect(indexed).toMatchObject({ relationTo: ['posts'] })
      const watched = collection(config, 'webhooks').fields.find(
        (field) => 'name' in field && field.name === 'collections',
      )
      expect(watched).toMatchObject({
        options: ['posts', 'tags', 'series'].map((slug) => ({ value: slug, label: slug })),
      })
      const paths = (config.endpoints ?? []).map((endpoint) => endpoint.path)
      expect(paths).not.toContain('/feed.xml')
      expect(paths).toEqual(expect.arrayContaining(['/search', '/openapi.json']))
      expect(collection(config, 'tags').endpoints).not.toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/:slug/feed.xml' })]),
      )
    })

    it('keeps every collection and field when disabled, and adds no behaviour', () => {
      const enabled = devlogPlugin()(hostConfig(dir)) as Config
      const disabled = devlogPlugin({ disabled: true })(hostConfig(dir)) as Config
      expect(slugs(disabled)).toEqual(slugs(enabled))
      for (const slug of ['posts', 'retrospectives', 'cohorts', 'search-index']) {
        expect(fieldNames(collection(disabled, slug))).toEqual(fieldNames(collection(enabled, slug)))
      }
      expect(disabled.endpoints ?? []).toEqual([])
      expect(disabled.jobs?.tasks ?? []).toEqual([])
      expect(disabled.graphQL?.queries).toBeUndefined()
      expect(collection(disabled, 'posts').hooks).toEqual({})
      expect(collection(disabled, 'posts').endpoints).toEqual([])
      expect(collection(enabled, 'posts').hooks?.beforeChange?.length).toBeGreaterThan(0)
    })

    it('refuses options that cannot be right, naming them', () => {
      const build = (options: DevlogPluginOptions) => () => devlogPlugin(options)(hostConfig(dir))
      expect(build({ collectionOverrides: { pages: {} } as never })).toThrow(/collectionOverrides names "pages"/)
      expect(build({ search: { memoryLimit: -1 } })).toThrow(/search\.memoryLimit/)
      expect(build({ webhooks: { retryDelayMs: 1.5 } })).toThrow(/webhooks\.retryDelayMs/)
      expect(build({ site: { serverURL: 'cms.example.com' } })).toThrow(/site\.serverURL/)
      expect(build({ codeEditor: { monacoURL: 'monaco/vs' } })).toThrow(/codeEditor\.monacoURL/)
      expect(build({ codeEditor: { monacoURL: '//cdn.example.com/vs' } })).toThrow(/codeEditor\.monacoURL/)
    })

    it("hands the code editor's Monaco location to the admin, where client components read it", () => {
      const adminOf = (options: DevlogPluginOptions) =>
        (devlogPlugin(options)(hostConfig(dir)) as Config).admin?.custom?.devlog
      expect(adminOf({ codeEditor: { monacoURL: '/_assets/monaco/vs/' } })).toEqual({ monacoURL: '/_assets/monaco/vs' })
      expect(adminOf({ codeEditor: { monacoURL: 'https://assets.example.com/monaco/vs' } })).toEqual({
        monacoURL: 'https://assets.example.com/monaco/vs',
      })
      expect(adminOf({})).toEqual({ monacoURL: null })
    })
  })
})
