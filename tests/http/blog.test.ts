import { doc, embed, paragraph, text } from '../helpers/lexical'
import {
  databaseEnv,
  describeOnEachDatabase,
  registerFirstUser,
  startServer,
  type RunningServer,
} from '../helpers/server'

describeOnEachDatabase('the blog API over HTTP', (kind) => {
  let server: RunningServer
  let auth: Record<string, string>

  const api = async (path: string, init: RequestInit & { json?: unknown; anonymous?: boolean } = {}) => {
    const { json, anonymous, ...rest } = init
    const response = await fetch(`${server.url}${path}`, {
      ...rest,
      headers: {
        ...(anonymous ? {} : auth),
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...rest.headers,
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
    const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text()
    return { status: response.status, headers: response.headers, body }
  }
  const graphql = (query: string, anonymous = false) =>
    api('/api/graphql', { method: 'POST', json: { query }, anonymous })

  beforeAll(async () => {
    server = await startServer(databaseEnv(kind))
    const registered = await api('/api/users/first-register', {
      method: 'POST',
      json: { email: 'editor@test.local', password: 'editor-password-1', name: '편집자' },
      anonymous: true,
    })
    auth = { authorization: `JWT ${registered.body.token}` }
  })
  afterAll(async () => {
    await server?.stop('SIGKILL')
  })

  it('serves a post by slug, and redirects a former slug to the current one (REST and GraphQL)', async () => {
    const created = await api('/api/posts', { method: 'POST', json: { title: '슬러그 바꾸기', _status: 'published' } })
    expect(created.status).toBe(201)
    const id = created.body.doc.id

    const bySlug = await api(`/api/posts/slug/${encodeURIComponent('슬러그-바꾸기')}`, { anonymous: true })
    expect(bySlug.status).toBe(200)
    expect(bySlug.body.doc).toMatchObject({ id, title: '슬러그 바꾸기' })

    expect((await api(`/api/posts/${id}`, { method: 'PATCH', json: { slug: 'renamed-slug' } })).status).toBe(200)
    const old = await api(`/api/posts/slug/${encodeURIComponent('슬러그-바꾸기')}`, {
      anonymous: true,
      redirect: 'manual',
    })
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/api/posts/slug/renamed-slug')
    expect(old.body).toMatchObject({ redirect: { from: '슬러그-바꾸기', to: 'renamed-slug' }, doc: { id } })

    const gql = await graphql('{ PostBySlug(slug: "슬러그-바꾸기") { redirectedFrom doc { id slug } } }', true)
    expect(gql.body.data.PostBySlug).toEqual({ redirectedFrom: '슬러그-바꾸기', doc: { id, slug: 'renamed-slug' } })
    expect((await api('/api/posts/slug/no-such-post', { anonymous: true })).status).toBe(404)
  })

  it('lets a reader choose the body it needs by slug: HTML, Lexical JSON or both (REST and GraphQL)', async () => {
    const content = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            children: [
              { type: 'text', version: 1, text: '본문 한 줄', format: 0, detail: 0, mode: 'normal', style: '' },
            ],
          },
        ],
      },
    }
    const created = await api('/api/posts', {
      method: 'POST',
      json: { title: 'Body forms', content, _status: 'published' },
    })
    expect(created.status).toBe(201)
    const read = (query: string) => api(`/api/posts/slug/body-forms${query}`, { anonymous: true })

    const both = (await read('')).body.doc
    expect(both.content.root.children).toHaveLength(1)
    expect(both.contentHtml).toContain('본문 한 줄')
    const html = (await read('?body=html')).body.doc
    expect(html).not.toHaveProperty('content')
    expect(html).toMatchObject({ title: 'Body forms', contentHtml: both.contentHtml })
    expect(html.tags).toEqual(both.tags)
    const lexical = (await read('?body=lexical')).body.doc
    expect(lexical).not.toHaveProperty('contentHtml')
    expect(lexical.content).toEqual(both.content)

    const refused = await read('?body=xml')
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toBe('body must be one of both, html, lexical.')

    const gql = await graphql(
      '{ PostBySlug(slug: "body-forms", body: html) { doc { title content contentHtml } } }',
      true,
    )
    expect(gql.body.data.PostBySlug.doc).toEqual({ title: 'Body forms', content: null, contentHtml: both.contentHtml })
  })

  it('keeps drafts out of slug lookups for anonymous readers', async () => {
    await api('/api/posts?draft=true', { method: 'POST', json: { title: 'Hidden draft', _status: 'draft' } })
    expect((await api('/api/posts/slug/hidden-draft', { anonymous: true })).status).toBe(404)
    expect((await api('/api/posts/slug/hidden-draft?draft=true')).status).toBe(200)
  })

  it('lists related posts (REST and GraphQL) and validates the limit', async () => {
    const tag = (await api('/api/tags', { method: 'POST', json: { name: 'Related HTTP' } })).body.doc
    const other = (
      await api('/api/posts', {
        method: 'POST',
        json: { title: 'Shares the tag', tags: [tag.id], _status: 'published' },
      })
    ).body.doc
    const subject = (
      await api('/api/posts', {
        method: 'POST',
        json: { title: 'Has relatives', tags: [tag.id], _status: 'published' },
      })
    ).body.doc

    const related = await api(`/api/posts/${subject.id}/related`, { anonymous: true })
    expect(related.status).toBe(200)
    expect(related.body.docs).toEqual([expect.objectContaining({ id: other.id, sharedTags: 1, handPicked: false })])
    const gql = await graphql(`{ RelatedPosts(id: "${subject.id}", limit: 3) { id title sharedTags } }`, true)
    expect(gql.body.data.RelatedPosts).toEqual([{ id: String(other.id), title: 'Shares the tag', sharedTags: 1 }])

    const bad = await api(`/api/posts/${subject.id}/related?limit=1000`, { anonymous: true })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/limit must be a whole number from 1 to 20/)
  })

  it('refuses bad input with a 400 that names the field, storing nothing', async () => {
    const before = (await api('/api/posts/count?draft=true')).body.totalDocs
    const unknownTag = await api('/api/posts', { method: 'POST', json: { title: 'Unknown tag', tags: [424242] } })
    expect(unknownTag.status).toBe(400)
    expect(unknownTag.body.errors[0].message).toMatch(/Tags/)
    const badEmbed = await api('/api/posts', {
      method: 'POST',
      json: { title: 'Bad embed', content: doc(paragraph(text('x')), embed('https://evil.example.com/x')) },
    })
    expect(badEmbed.status).toBe(400)
    expect(badEmbed.body.errors[0].message).toMatch(/URL/)
    expect((await api('/api/posts/count?draft=true')).body.totalDocs).toBe(before)

    const gql = await graphql('mutation { createPost(data: { title: "x", slug: "Bad Slug" }) { id } }')
    expect(gql.body.errors[0].extensions.data.errors).toEqual([expect.objectContaining({ path: 'slug' })])
  })

  it('refuses to delete a tag in use, merges it over REST and GraphQL, and only for editors', async () => {
    const create = async (name: string) => (await api('/api/tags', { method: 'POST', json: { name } })).body.doc
    const old = await create('old-name')
    const target = await create('New name')
    const post = (
      await api('/api/posts', { method: 'POST', json: { title: 'Tagged old', tags: [old.id], _status: 'published' } })
    ).body.doc

    const refused = await api(`/api/tags/${old.id}`, { method: 'DELETE' })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/used by 1 post.*merge/i)

    expect(
      (await api(`/api/tags/${old.id}/merge`, { method: 'POST', json: { into: target.id }, anonymous: true })).status,
    ).toBe(403)
    expect((await api(`/api/tags/${old.id}/merge`, { method: 'POST', json: {} })).status).toBe(400)
    const merged = await api(`/api/tags/${old.id}/merge`, { method: 'POST', json: { into: target.id } })
    expect(merged.status).toBe(200)
    expect(merged.body).toMatchObject({ movedPosts: 1, tag: { id: target.id, postCount: 1 } })
    expect((await api(`/api/posts/${post.id}?depth=0`, { anonymous: true })).body.tags).toEqual([target.id])
    expect((await api(`/api/tags/${old.id}`, { anonymous: true })).status).toBe(404)

    const another = await create('another-old')
    const denied = await graphql(
      `mutation { mergeTag(id: "${another.id}", into: "${target.id}") { movedPosts } }`,
      true,
    )
    expect(denied.body.errors[0].message).toMatch(/Only editors and admins/)
    const viaGraphql = await graphql(
      `mutation { mergeTag(id: "${another.id}", into: "${target.id}") { movedPosts tag { name } } }`,
    )
    expect(viaGraphql.body.data.mergeTag).toEqual({ movedPosts: 0, tag: { name: 'New name' } })
  })

  it('exposes authors’ public profiles without emails or roles', async () => {
    const users = await api('/api/users', { anonymous: true })
    expect(users.status).toBe(200)
    expect(users.body.docs[0]).toMatchObject({ name: '편집자' })
    expect(users.body.docs[0]).not.toHaveProperty('email')
    expect(users.body.docs[0]).not.toHaveProperty('roles')
    const gql = await graphql('{ Users { docs { name email roles } } }', true)
    expect(gql.body.data.Users.docs[0]).toMatchObject({ name: '편집자', email: null, roles: null })
  })

  it('schedules a post over GraphQL and refuses a time in the past', async () => {
    const draft = (
      await api('/api/posts?draft=true', { method: 'POST', json: { title: 'Scheduled via GraphQL', _status: 'draft' } })
    ).body.doc
    const at = new Date(Date.now() + 3_600_000).toISOString()
    const scheduled = await graphql(`mutation { schedulePost(id: "${draft.id}", at: "${at}") { postId type at } }`)
    expect(scheduled.body.data.schedulePost).toEqual({ postId: String(draft.id), type: 'publish', at })
    const past = await graphql(`mutation { schedulePost(id: "${draft.id}", at: "2020-01-01T00:00:00Z") { postId } }`)
    expect(past.body.errors[0].message).toMatch(/must be in the future/)
  })

  it('does not let anonymous clients write posts over REST or GraphQL', async () => {
    expect((await api('/api/posts', { method: 'POST', json: { title: 'Nope' }, anonymous: true })).status).toBe(403)
    const gql = await graphql('mutation { createPost(data: { title: "Nope" }) { id } }', true)
    expect(gql.body.errors[0].message).toMatch(/not allowed/i)
  })
})

describeOnEachDatabase('the server’s job runner', (kind) => {
  it('publishes a scheduled post by itself when the job is due', async () => {
    const server = await startServer({
      ...databaseEnv(kind),
      JOBS_CRON: '* * * * * *',
    })
    try {
      const token = await registerFirstUser(server, { email: 'owner@test.local', password: 'owner-password-1' })
      const headers = { 'content-type': 'application/json', authorization: `JWT ${token}` }
      const draft = await (
        await fetch(`${server.url}/api/posts?draft=true`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ title: 'Due now', _status: 'draft' }),
        })
      ).json()
      const invalid = await fetch(`${server.url}/api/posts/${draft.doc.id}/schedule`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ at: 'tomorrow' }),
      })
      expect(invalid.status).toBe(400)
      expect(
        (await fetch(`${server.url}/api/posts/${draft.doc.id}/schedule`, { method: 'POST', body: '{}' })).status,
      ).toBe(403)
      const scheduled = await fetch(`${server.url}/api/posts/${draft.doc.id}/schedule`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ at: new Date(Date.now() + 1500).toISOString() }),
      })
      expect(scheduled.status).toBe(202)
      expect((await fetch(`${server.url}/api/posts/slug/due-now`)).status).toBe(404)

      const deadline = Date.now() + 15_000
      let status = 'draft'
      while (status !== 'published' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        const response = await fetch(`${server.url}/api/posts/slug/due-now`)
        if (response.status === 200) status = (await response.json()).doc._status
      }
      expect(status).toBe('published')
    } finally {
      await server.stop('SIGKILL')
    }
  })
})
