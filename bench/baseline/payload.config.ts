/**
 * The benchmark's baseline: a plain Payload app as the website template would write it (posts
 * with drafts, tags, a code block in the editor, published-only reads for visitors), holding the
 * same posts as Devlog but with none of Devlog's plugin, hooks or derived fields.
 */
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type Access } from 'payload'

const publishedOrSignedIn: Access = ({ req }) => (req.user ? true : { _status: { equals: 'published' } })

export default buildConfig({
  secret: process.env.PAYLOAD_SECRET || 'baseline-benchmark-secret',
  db: sqliteAdapter({ client: { url: process.env.DATABASE_URI || 'file:./baseline.db' } }),
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures,
      BlocksFeature({
        blocks: [
          {
            slug: 'code',
            fields: [
              { name: 'language', type: 'text' },
              { name: 'filename', type: 'text' },
              { name: 'highlightLines', type: 'text' },
              { name: 'code', type: 'code', required: true },
            ],
          },
        ],
      }),
    ],
  }),
  typescript: { autoGenerate: false },
  telemetry: false,
  collections: [
    { slug: 'users', auth: true, fields: [] },
    {
      slug: 'tags',
      access: { read: () => true },
      fields: [
        { name: 'name', type: 'text', required: true, unique: true },
        { name: 'slug', type: 'text', required: true, unique: true, index: true },
      ],
    },
    {
      slug: 'posts',
      versions: { drafts: true },
      access: { read: publishedOrSignedIn },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'slug', type: 'text', required: true, unique: true, index: true },
        { name: 'excerpt', type: 'textarea' },
        { name: 'content', type: 'richText' },
        { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true },
        { name: 'publishedAt', type: 'date', index: true },
      ],
    },
  ],
})
