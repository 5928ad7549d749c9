/**
 * What the admin sends is what the API accepts (issue #35). The admin encodes a document from its
 * form state (an empty list as its row count `0`, an empty relation as `null`, a group as an
 * object of its fields); these tests build that encoding with Payload's own admin functions
 * (`fieldSchemasToFormState`, then `reduceFieldsToValues`) for every collection, so a field added
 * tomorrow is covered without a list kept by hand, and save it through the guarded APIs.
 */
import { fieldSchemasToFormState } from '@payloadcms/ui/forms/fieldSchemasToFormState'
import { createLocalReq, type CollectionSlug, type Payload } from 'payload'
import { reduceFieldsToValues } from 'payload/shared'

import { bodyProblems } from '../../collections/guard/shapes'
import { doc, paragraph, text } from '../helpers/lexical'
import { createUser, restRequest, startTestPayload, type TestPayload, databaseKinds } from '../helpers/payload'

type Json = Record<string, any>

describe.each(databaseKinds())('the admin’s own encoding of documents, on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let admin: Json
  let token: string

  /** The body the admin's edit view submits for `data` (the stored document, or `{}` for a new one). */
  async function adminBody(collection: CollectionSlug, data: Json, operation: 'create' | 'update') {
    const req = await createLocalReq({ user: admin as never }, payload)
    const state = await fieldSchemasToFormState({
      collectionSlug: collection,
      data,
      fields: payload.collections[collection].config.fields,
      operation,
      permissions: true,
      preferences: { fields: {} },
      renderAllFields: false,
      req,
      schemaPath: collection,
      skipValidation: true,
      ...(operation === 'update' ? { id: data.id } : {}),
    } as Parameters<typeof fieldSchemasToFormState>[0])
    return reduceFieldsToValues(state, true) as Json
  }

  /** The admin's save: a multipart form whose `_payload` holds the document as JSON. */
  async function adminSave(collection: CollectionSlug, body: Json, { id, draft }: { id?: unknown; draft?: boolean }) {
    const form = new FormData()
    form.append('_payload', JSON.stringify(body))
    const query = new URLSearchParams({ depth: '0', ...(draft !== undefined ? { draft: String(draft) } : {}) })
    const { status, body: answer } = await restRequest(
      context,
      `/${collection}${id !== undefined ? `/${id}` : ''}?${query}`,
      { method: id !== undefined ? 'PATCH' : 'POST', token, formData: form },
    )
    return { status, body: answer as Json }
  }

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    admin = { ...(await createUser(payload, ['admin'])), collection: 'users' }
    const login = await payload.login({
      collection: 'users',
      data: { email: admin.email, password: 'test-password-1' },
    })
    token = login.token!
  })

  afterAll(() => context?.close())

  it('accepts a new, untouched document of every collection in the shape the admin sends it', async () => {
    const collections = payload.config.collections
      .map((collection) => collection.slug as CollectionSlug)
      .filter((slug) => !slug.startsWith('payload-'))
    expect(collections).toEqual(expect.arrayContaining(['posts', 'retrospectives', 'study-groups', 'users', 'cohorts']))
    const refused: Record<string, unknown> = {}
    for (const collection of collections) {
      const body = await adminBody(collection, {}, 'create')
      const problems = bodyProblems(body, payload.collections[collection].config.flattenedFields)
      if (problems.length) refused[collection] = { body, problems }
    }
    expect(refused).toEqual({})
  })

  it('saves an empty-listed retrospective, study group and user as the admin sends them', async () => {
    const retrospective = await adminBody('retrospectives', {}, 'create')
    expect(retrospective).toMatchObject({ sections: 0, goals: 0, principles: 0 })
    retrospective.period = { ...retrospective.period, kind: 'quarter', year: 2026, index: 3 }
    const saved = await adminSave('retrospectives', { ...retrospective, _status: 'draft' }, { draft: true })
    expect(saved.status).toBe(201)
    expect(saved.body.doc).toMatchObject({ sections: [], goals: [], principles: [], slug: expect.any(String) })
    // Published the way the admin publishes: the same encoding, `_status` published.
    const published = await adminSave(
      'retrospectives',
      { ...(await adminBody('retrospectives', saved.body.doc, 'update')), _status: 'published' },
      { id: saved.body.doc.id },
    )
    expect(published.status).toBe(200)
    expect(published.body.doc).toMatchObject({ _status: 'published', sections: [], goals: [] })

    const group = await adminBody('study-groups', {}, 'create')
    expect(group.links).toBe(0)
    const savedGroup = await adminSave('study-groups', { ...group, name: '모각코 스터디' }, {})
    expect(savedGroup.status).toBe(201)
    expect(savedGroup.body.doc).toMatchObject({ name: '모각코 스터디', links: [] })

    const user = await adminBody('users', {}, 'create')
    const savedUser = await adminSave(
      'users',
      { ...user, email: `new-${kind}@devlog.test`, password: 'a-long-passphrase-1', roles: ['editor'] },
      {},
    )
    expect(savedUser.status).toBe(201)
    expect(savedUser.body.doc).toMatchObject({ email: `new-${kind}@devlog.test`, roles: ['editor'] })
  })

  it('saves a full retrospective and study group back unchanged from their edit views', async () => {
    const area = await payload.create({
      collection: 'retrospective-areas',
      data: { name: '인프라', nameEn: 'Infrastructure' },
      overrideAccess: true,
    })
    const full = await payload.create({
      collection: 'retrospectives',
      data: {
        period: { kind: 'year', year: 2025 },
        excerpt: '한 해를 돌아보며',
        sections: [
          { heading: '잘한 것', area: area.id, body: doc(paragraph(text('쿠버네티스 클러스터를 옮겼다.'))) as never },
          { heading: '아쉬운 것' },
        ],
        goals: [{ text: 'CKA 따기', area: area.id, status: 'planned', note: '상반기 안에' }],
        principles: [{ text: '매주 회고를 쓴다' }],
        _status: 'published',
      },
      overrideAccess: true,
    })
    const body = await adminBody('retrospectives', full, 'update')
    const saved = await adminSave('retrospectives', body, { id: full.id })
    expect(saved.status).toBe(200)
    expect(saved.body.doc.sections.map((section: Json) => section.heading)).toEqual(['잘한 것', '아쉬운 것'])
    expect(saved.body.doc.goals).toMatchObject([{ text: 'CKA 따기', status: 'planned', note: '상반기 안에' }])
    expect(saved.body.doc.principles).toMatchObject([{ text: '매주 회고를 쓴다' }])
    expect(JSON.stringify(saved.body.doc.sections[0].body)).toContain('쿠버네티스 클러스터를 옮겼다.')

    // Emptying every list in the editor sends the row counts again: the lists are cleared.
    const emptied = await adminSave(
      'retrospectives',
      { ...body, sections: 0, goals: 0, principles: 0 },
      { id: full.id },
    )
    expect(emptied.status).toBe(200)
    expect(emptied.body.doc).toMatchObject({ sections: [], goals: [], principles: [] })

    const group = await payload.create({
      collection: 'study-groups',
      data: {
        name: 'CS 스터디',
        kind: 'program',
        status: 'active',
        rules: { cadence: 'monthly', timeZone: 'Asia/Seoul' },
        links: [{ label: 'GitHub', url: 'https://github.com/cs-study' }],
      },
      overrideAccess: true,
    })
    const savedGroup = await adminSave('study-groups', await adminBody('study-groups', group, 'update'), {
      id: group.id,
    })
    expect(savedGroup.status).toBe(200)
    expect(savedGroup.body.doc.links).toMatchObject([{ label: 'GitHub', url: 'https://github.com/cs-study' }])
  })

  it('duplicates as the admin does: a fresh slug, and none of the original’s publication or import marks', async () => {
    const post = await payload.create({
      collection: 'posts',
      data: { title: 'Argo CD로 배포하기', _status: 'published' },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'posts',
      id: post.id,
      data: { slug: 'argo-cd', _status: 'published' },
      overrideAccess: true,
    })
    const tag = await payload.create({ collection: 'tags', data: { name: '쿠버네티스' }, overrideAccess: true })
    const area = await payload.create({
      collection: 'retrospective-areas',
      data: { name: '운영' },
      overrideAccess: true,
    })
    const copies: Record<string, Json> = {}
    for (const [collection, id] of [
      ['posts', post.id],
      ['tags', tag.id],
      ['retrospective-areas', area.id],
    ] as const) {
      const { status, body } = await restRequest(context, `/${collection}/${id}/duplicate?depth=0`, {
        method: 'POST',
        token,
        formData: new FormData(),
      })
      expect({ collection, status }).toEqual({ collection, status: 200 })
      copies[collection] = (body as Json).doc
    }
    expect(copies.posts).toMatchObject({ title: 'Argo CD로 배포하기', slug: 'argo-cd로-배포하기' })
    expect(copies.posts.previousSlugs ?? []).toEqual([])
    expect(copies.posts.publishedAt ?? null).toBeNull()
    expect(copies.tags).toMatchObject({ name: '쿠버네티스 - Copy', slug: '쿠버네티스-copy', postCount: 0 })
    expect(copies['retrospective-areas']).toMatchObject({ name: '운영 - Copy', slug: '운영-copy' })
    // The original still answers its former slug alone.
    const former = await payload.find({
      collection: 'posts',
      where: { previousSlugs: { equals: 'argo-cd로-배포하기' } },
    })
    expect(former.docs.map((doc) => doc.id)).toEqual([post.id])
  })

  it('gives an area named only in Korean a slug from its name', async () => {
    const saved = await adminSave(
      'retrospective-areas',
      { ...(await adminBody('retrospective-areas', {}, 'create')), name: '가족' },
      {},
    )
    expect(saved.status).toBe(201)
    expect(saved.body.doc).toMatchObject({ name: '가족', slug: '가족' })
  })

  it('still refuses the shapes no client sends, naming the field', async () => {
    for (const [field, value] of [
      ['sections', 'three'],
      ['sections', 7],
      ['goals', { text: 'x' }],
      ['period', 'quarter'],
    ] as const) {
      const answer = await adminSave('retrospectives', { period: { kind: 'year', year: 2024 }, [field]: value }, {})
      expect(answer.status).toBe(400)
      expect(JSON.stringify(answer.body)).toContain(field)
    }
    expect(await payload.count({ collection: 'retrospectives', where: { 'period.year': { equals: 2024 } } })).toEqual({
      totalDocs: 0,
    })
  })
})
