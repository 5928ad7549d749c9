import type { Page, Request } from 'playwright-core'

import { seriousAccessibilityFindings } from '../helpers/adminSession'
import { hasChromium, launchBrowser, screenshot } from '../helpers/browser'
import { rss, startFeedServer, type FeedServer } from '../helpers/feedServer'
import { databaseKinds } from '../helpers/payload'
import { databaseEnv, hasProductionBuild, startServer, type RunningServer } from '../helpers/server'

const runnable = hasChromium() && hasProductionBuild()
if (!runnable) {
  console.warn(
    `Browser tests skipped: ${hasChromium() ? '' : 'no Chromium at /usr/bin/chromium (apt-get install -y chromium). '}${
      hasProductionBuild() ? '' : 'no production build (npm run build).'
    }`,
  )
}

const describeBrowser = runnable ? describe.each(databaseKinds()) : describe.skip.each(databaseKinds())

describeBrowser('the admin in a real browser, on %s', (kind) => {
  let server: RunningServer
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let feeds: FeedServer
  /** A screenshot of the page, named for the database too past the first (SQLite's keep their names). */
  const shot = (name: string) => screenshot(page, kind === 'sqlite' ? name : `${kind}-${name}`)
  /** A POST to the API from the signed-in page, as the admin's own requests go. */
  const api = (path: string, body: unknown) =>
    page.evaluate(
      async ({ path, body }) =>
        (
          await fetch(path, {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json(),
      { path, body },
    )

  /** The admin's own POSTs (form state, server functions): how many are under way, when the last began and when one last began or ended. */
  let adminRequests = { inFlight: 0, lastStart: 0, lastActivity: 0 }
  const isAdminPost = (request: Request) =>
    request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/admin')
  const adminRequestEnded = (request: Request) => {
    if (!isAdminPost(request)) return
    adminRequests = { ...adminRequests, inFlight: adminRequests.inFlight - 1, lastActivity: Date.now() }
  }
  /**
   * Waits, after an edit made at `editedAt`, until the admin has sent the form's state since then,
   * had its answer, and stayed quiet for a second, as a person pauses before publishing: Payload
   * copies a rich-text block's fields into the editor only once the server has answered the
   * block's form state (and the editor hands its state to the form when the browser is idle), so a
   * save clicked sooner sends the block as it was before the last keystrokes.
   */
  const settledSince = async (editedAt: number) => {
    const deadline = Date.now() + 30_000
    while (
      adminRequests.lastStart < editedAt ||
      adminRequests.inFlight > 0 ||
      Date.now() - adminRequests.lastActivity < 1_000
    ) {
      if (Date.now() > deadline) throw new Error('the admin did not send and settle its form state after the edit')
      await page.waitForTimeout(50)
    }
  }

  /** Waits for the admin's word that a save went through; a timeout's error carries the server's last lines. */
  const savedSuccessfully = async () => {
    try {
      await page
        .getByText(/published successfully|successfully/i)
        .first()
        .waitFor()
    } catch (error) {
      throw new Error(`${(error as Error).message}\nThe server's last output:\n${server.output().slice(-3_000)}`)
    }
  }

  beforeAll(async () => {
    feeds = await startFeedServer()
    // Members' feeds in these tests are served on loopback.
    server = await startServer({ ...databaseEnv(kind), OUTBOUND_ALLOW_PRIVATE_HOSTS: '127.0.0.1' })
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.setDefaultTimeout(30_000)
    page.on('request', (request) => {
      if (isAdminPost(request))
        adminRequests = { inFlight: adminRequests.inFlight + 1, lastStart: Date.now(), lastActivity: Date.now() }
    })
    page.on('requestfinished', adminRequestEnded)
    page.on('requestfailed', adminRequestEnded)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
    await feeds?.close()
  })

  it('creates the first admin through the UI', async () => {
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await page.locator('#field-email').waitFor()
    // One email field, and no roles: the first account is always an admin.
    expect(await page.locator('label', { hasText: /^Email/ }).count()).toBe(1)
    expect(await page.locator('label', { hasText: 'Roles' }).count()).toBe(0)
    await shot('00-first-user')
    await page.fill('#field-email', 'owner@devlog.test')
    await page.fill('#field-password', 'owner-password-1')
    await page.fill('#field-confirm-password', 'owner-password-1')
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    await page.getByText('Posts', { exact: false }).first().waitFor()
    await shot('01-dashboard')

    const me = await page.evaluate(async () => (await fetch('/api/users/me', { credentials: 'include' })).json())
    expect(me.user).toMatchObject({ email: 'owner@devlog.test', roles: ['admin'] })
  }, 90_000)

  it('writes and publishes a post in the editor, readable anonymously over REST', async () => {
    await page.goto(`${server.url}/admin/collections/posts/create`)
    await page.fill('#field-title', '브라우저에서 쓴 글')
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.click()
    await page.keyboard.type('Written in Chromium through the Payload admin.')
    await settledSince(Date.now())
    await page.locator('#action-save').click()
    await savedSuccessfully()
    await shot('02-post-published')
    // The author picker names the author; emails stay private.
    const authors = await page.locator('#field-authors').innerText()
    expect(authors).toContain('owner')
    expect(authors).not.toContain('@')

    const response = await fetch(
      `${server.url}/api/posts?where[slug][equals]=${encodeURIComponent('브라우저에서-쓴-글')}`,
    )
    const body = await response.json()
    expect(body.docs).toHaveLength(1)
    expect(body.docs[0]).toMatchObject({
      title: '브라우저에서 쓴 글',
      _status: 'published',
      publishedAt: expect.any(String),
    })
    expect(JSON.stringify(body.docs[0].content)).toContain('Written in Chromium through the Payload admin.')
  }, 90_000)

  it('writes code in a code block: language, file name, highlighted lines, coloured, served by the app', async () => {
    const elsewhere: string[] = []
    const monacoFiles: string[] = []
    const blocked: string[] = []
    page.on('request', (request) => {
      if (
        !request.url().startsWith(server.url) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      )
        elsewhere.push(request.url())
      if (request.url().includes('/_devlog/monaco/')) monacoFiles.push(request.url())
    })
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) blocked.push(message.text())
    })
    await page.goto(`${server.url}/admin/collections/posts/create`)
    await page.fill('#field-title', 'Deploying with a manifest')
    await page.locator('[data-lexical-editor="true"]').first().click()
    await page.keyboard.type('/code')
    await page.locator('#slash-menu-popup__item-block-code').click()
    const block = page.locator('.LexicalEditorTheme__block-code').first()
    await block.locator('.monaco-editor .view-lines').waitFor()
    await block.locator('#field-language .rs__control').click()
    await page.keyboard.type('yaml')
    await page.keyboard.press('Enter')
    await block.locator('input[name="filename"]').fill('deployment.yaml')
    await block.locator('input[name="highlightLines"]').fill('2')
    await block.locator('.monaco-editor .view-lines').click()
    await page.keyboard.type('apiVersion: apps/v1\nkind: Deployment\n')
    const codeTypedAt = Date.now()
    // Monaco colours YAML: keys and values get different token classes.
    await block.locator('.monaco-editor .view-lines span.mtk5').first().waitFor()
    const tokenClasses = await block
      .locator('.monaco-editor .view-lines span span')
      .evaluateAll((spans) => [...new Set(spans.map((span) => span.className))])
    expect(tokenClasses.length).toBeGreaterThanOrEqual(2)
    // The block's fields reach the editor's state (Lexical keeps it on its root element) only after
    // the server has answered the block's form state; then the editor hands it to the form.
    await page.waitForFunction(() => {
      const root = document.querySelector('[data-lexical-editor="true"]') as
        (Element & { __lexicalEditor?: { getEditorState: () => { toJSON: () => unknown } } }) | null
      return JSON.stringify(root?.__lexicalEditor?.getEditorState().toJSON() ?? null).includes('kind: Deployment')
    })
    await settledSince(codeTypedAt)
    await shot('03-code-block')
    await page.locator('#action-save').click()
    await savedSuccessfully()

    const { docs } = await (
      await fetch(`${server.url}/api/posts?where[title][equals]=${encodeURIComponent('Deploying with a manifest')}`)
    ).json()
    expect(docs).toHaveLength(1)
    expect(docs[0].contentHtml).toContain('data-language="yaml"')
    expect(docs[0].contentHtml).toContain('data-filename="deployment.yaml"')
    expect(docs[0].contentHtml).toContain('data-highlight-lines="2"')
    expect(docs[0].contentHtml).toContain('apiVersion: apps/v1\nkind: Deployment')
    expect(monacoFiles.some((url) => url.endsWith('/_devlog/monaco/vs/loader.js'))).toBe(true)
    expect(elsewhere).toEqual([])
    expect(blocked).toEqual([])
  }, 90_000)

  it('turns a typed ``` fence into a code block and converts pasted Markdown', async () => {
    await page.goto(`${server.url}/admin/collections/posts/create`)
    await page.fill('#field-title', 'Markdown habits')
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.click()
    await page.keyboard.type('# Setting up')
    await page.keyboard.press('Enter')
    await page.keyboard.type('```ts title="app.ts" {1}')
    await page.keyboard.press('Enter')
    const fenced = page.locator('.LexicalEditorTheme__block-code').first()
    await fenced.locator('.monaco-editor').waitFor()
    expect(await fenced.locator('#field-language').innerText()).toContain('typescript')
    expect(await fenced.locator('input[name="filename"]').inputValue()).toBe('app.ts')
    expect(await fenced.locator('input[name="highlightLines"]').inputValue()).toBe('1')
    expect(await editor.locator('h1', { hasText: 'Setting up' }).count()).toBe(1)

    await editor.locator('p').last().click()
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.setData(
        'text/plain',
        '## Pasted notes\n\nSome **bold** words.\n\n```bash\nkubectl get pods\n```\n\n- one\n- two\n',
      )
      document
        .querySelector('[data-lexical-editor="true"]')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await editor.locator('h2', { hasText: 'Pasted notes' }).waitFor()
    expect(await editor.locator('strong, b', { hasText: 'bold' }).count()).toBeGreaterThan(0)
    expect(await editor.locator('li').count()).toBe(2)
    const pasted = page.locator('.LexicalEditorTheme__block-code').nth(1)
    await pasted.locator('.monaco-editor .view-lines', { hasText: 'kubectl get pods' }).waitFor()
    expect(await pasted.locator('#field-language').innerText()).toContain('bash')
    await shot('04-markdown-shortcuts')
  }, 90_000)

  it('leaves nothing behind when "Create New" is opened and abandoned; a saved draft gets a free slug', async () => {
    const countPosts = async () =>
      (
        await page.evaluate(async () =>
          (await fetch('/api/posts?draft=true&limit=0', { credentials: 'include' })).json(),
        )
      ).totalDocs as number
    const before = await countPosts()
    await page.goto(`${server.url}/admin/collections/posts/create`)
    await page.locator('#field-title').waitFor()
    // Longer than the autosave interval: nothing may be saved for an untouched form.
    await page.waitForTimeout(3_000)
    expect(page.url()).toMatch(/\/posts\/create$/)
    await page.goto(`${server.url}/admin/collections/posts`)
    expect(await countPosts()).toBe(before)

    // The same title as the post published above, saved as a draft: the slug stays unique.
    await page.goto(`${server.url}/admin/collections/posts/create`)
    await page.fill('#field-title', '브라우저에서 쓴 글')
    await page.locator('#action-save-draft').click()
    // The saved document's id: a number on SQLite, 24 hex digits on MongoDB.
    await page.waitForURL(/\/admin\/collections\/posts\/(?!create$)[^/]+$/)
    await page.locator('#field-slug').waitFor()
    await page.waitForFunction(
      (expected) => (document.querySelector('#field-slug') as HTMLInputElement | null)?.value === expected,
      '브라우저에서-쓴-글-2',
    )
    expect(await countPosts()).toBe(before + 1)
    await shot('05-draft-with-free-slug')
  }, 90_000)

  it('merges a tag into another from the tag’s edit view', async () => {
    const api = (path: string, method = 'GET', body?: unknown) =>
      page.evaluate(
        async ({ path, method, body }) => {
          const response = await fetch(path, {
            method,
            credentials: 'include',
            headers: body ? { 'content-type': 'application/json' } : {},
            body: body ? JSON.stringify(body) : undefined,
          })
          return { status: response.status, body: await response.json() }
        },
        { path, method, body },
      )
    const from = (await api('/api/tags', 'POST', { name: 'k8s-old' })).body.doc
    const into = (await api('/api/tags', 'POST', { name: 'Kubernetes' })).body.doc
    const post = (
      await api('/api/posts', 'POST', { title: 'Tagged for merging', tags: [from.id], _status: 'published' })
    ).body.doc

    await page.goto(`${server.url}/admin/collections/tags/${from.id}`)
    page.once('dialog', (dialog) => dialog.accept())
    await page.selectOption('select[aria-label="Merge into another tag"]', String(into.id))
    await page.getByRole('button', { name: 'Merge', exact: true }).click()
    await page.waitForURL(new RegExp(`/admin/collections/tags/${into.id}$`))

    expect((await api(`/api/posts/${post.id}?depth=0`)).body.tags).toEqual([into.id])
    expect((await api(`/api/tags/${from.id}`)).status).toBe(404)
  }, 90_000)

  it('shows the admin in Korean to a user who chose Korean', async () => {
    const me = await page.evaluate(
      async () => (await (await fetch('/api/users/me', { credentials: 'include' })).json()).user.id as string,
    )
    await browser.context.addCookies([{ name: 'payload-lng', value: 'ko', url: server.url }])
    // Back to English even when a step fails, or every later test would read Korean.
    try {
      await showsKorean(me)
    } finally {
      await browser.context.addCookies([{ name: 'payload-lng', value: 'en', url: server.url }])
    }
  }, 60_000)

  async function showsKorean(userId: string) {
    await page.goto(`${server.url}/admin/collections/posts`)
    await page.getByRole('heading', { name: '글' }).first().waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('ko')
    // Devlog's own field labels come from its translations, not only Payload's.
    await page.goto(`${server.url}/admin/collections/posts/create`)
    await page.locator('label', { hasText: '발행일' }).first().waitFor()
    await page.locator('label', { hasText: '읽는 시간(분)' }).first().waitFor()
    await page.locator('label', { hasText: '검색 엔진에 보일 제목' }).first().waitFor()
    await page.locator('label', { hasText: '본문' }).first().waitFor()
    await shot('06-post-editor-korean')
    const english = /Search Results|Add Link|Link 추가|Meta Image|Created By|automatically created search results/
    const screens: Array<[string, string]> = [
      ['/admin/collections/posts/create', '검색 엔진에 보일 설명'],
      [`/admin/collections/users/${userId}`, '링크 추가'],
      ['/admin/collections/search-index', '검색 결과'],
      ['/admin/collections/members/create', '만든 사람'],
    ]
    for (const [path, korean] of screens) {
      await page.goto(`${server.url}${path}`)
      await page.getByText(korean).first().waitFor()
      expect({ path, english: (await page.locator('body').innerText()).match(english)?.[0] }).toEqual({
        path,
        english: undefined,
      })
    }
    await shot('06-members-korean')
  }

  it('runs a cohort from its roster board: sessions, CSV import with a check, the grid', async () => {
    const group = (
      await api('/api/study-groups', {
        name: 'E2E 포스팅 스터디',
        kind: 'posting-study',
        rules: { cadence: 'weekly', sessionWeekday: 'monday', deadlineWeekday: 'sunday', timeZone: 'Asia/Seoul' },
      })
    ).doc
    const cohort = (
      await api('/api/cohorts', { group: group.id, label: '1기', startDate: '2027-03-01', endDate: '2027-03-22' })
    ).doc

    await page.goto(`${server.url}/admin/collections/cohorts/${cohort.id}`)
    await page.getByRole('button', { name: 'Generate sessions' }).click()
    await page.locator('.devlog-roster-table th', { hasText: 'W4' }).waitFor()

    // The import is a two-step dialog: check shows the dry run's table, apply needs a clean check.
    await page.getByRole('button', { name: 'Import CSV…' }).click()
    const csv = page.getByLabel('Roster CSV')
    await csv.fill(
      'name,handle,email,blogUrl,role\n김하나,hana,hana@e2e.test,,member\n이두리,duri,not-an-email,,member\n',
    )
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    await page
      .locator('.devlog-roster-import__table tr[data-error]', {
        hasText: 'email "not-an-email" is not an email address',
      })
      .waitFor()
    expect(await page.locator('.devlog-roster-import__table tr[data-member="create"]').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Apply', exact: true }).isDisabled()).toBe(true)
    await shot('07-roster-import-check')
    await page.getByRole('button', { name: 'Edit the CSV' }).click()
    await csv.fill(
      'name,handle,email,blogUrl,role\n김하나,hana,hana@e2e.test,,member\n이두리,duri,duri@e2e.test,,leader\n',
    )
    await page.getByRole('button', { name: 'Check', exact: true }).click()
    await page.getByText('create 2 · update 0').waitFor()
    expect(
      await page
        .locator('.devlog-roster-import__table tbody tr')
        .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))),
    ).toEqual([
      ['2', '김하나', 'hana', 'hana@e2e.test', 'member', 'new', 'new'],
      ['3', '이두리', 'duri', 'duri@e2e.test', 'leader', 'new', 'new'],
    ])
    await page.getByRole('button', { name: 'Apply', exact: true }).click()
    await page.getByText('Roster imported: 2 added, 0 updated.').waitFor()
    await page.locator('.devlog-roster-table th', { hasText: '이두리' }).waitFor()
    expect(await page.locator('.devlog-roster-table th', { hasText: '김하나 @hana' }).count()).toBe(1)
    expect(await page.locator('.devlog-roster-table td[data-status="pending"]').count()).toBe(8)
    // A legend for the marks, full dates in the header, cells a screen reader can name.
    expect(await page.locator('.devlog-roster-legend li').allInnerTexts()).toEqual([
      '✓On time',
      'LLate',
      '✗Missing',
      'PPass used',
      'EExcused',
      '·Not due yet',
      '?Awaiting a decision',
      'RSS from the blog feed',
    ])
    // The week under way (the cohort's first) is marked, its deadline in the group's zone (Seoul).
    expect(await page.locator('.devlog-roster-table thead th').nth(1).innerText()).toMatch(
      /^W1 · this week\s+due Sun, 2\/28, 23:59$/,
    )
    expect(await page.locator('.devlog-roster-table thead th[aria-current="date"]').count()).toBe(1)
    expect(await page.locator('.devlog-roster-table thead th').nth(2).innerText()).toMatch(
      /^W2\s+due Sun, 3\/7, 23:59$/,
    )
    expect(await page.getByRole('button', { name: /^김하나, W1 \(Mon, Mar 1, 2027\): Not due yet$/ }).count()).toBe(1)
    // The header row and the member column stay put while the grid scrolls.
    expect(
      await page
        .locator('.devlog-roster-table thead th')
        .first()
        .evaluate((cell) => getComputedStyle(cell).position),
    ).toBe('sticky')
    await page.getByLabel('Filter by name or handle').fill('duri')
    await page.waitForFunction(() => document.querySelectorAll('.devlog-roster-table tbody tr').length === 2)
    expect(await page.locator('.devlog-roster-table tbody th', { hasText: '김하나' }).count()).toBe(0)
    await page.getByLabel('Filter by name or handle').fill('')
    await page.waitForFunction(() => document.querySelectorAll('.devlog-roster-table tbody tr').length === 3)
    // Nobody has a late week yet.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Late' })
    await page.getByText('No member matches the filter.').waitFor()
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' })
    await page.waitForFunction(() => document.querySelectorAll('.devlog-roster-table tbody tr').length === 3)

    // An operator records a member's post from the cell, in a form opened under that member's row;
    // the cell becomes a link to the submission and the week's count follows at once.
    expect(await page.locator('.devlog-roster-submitted td').first().innerText()).toBe('0/2')
    await page.getByRole('button', { name: /^김하나, W1 / }).click()
    expect(
      await page
        .locator('.devlog-roster-table tbody tr', { has: page.locator('th', { hasText: '김하나' }) })
        .evaluate((row) => row.nextElementSibling?.querySelector('.devlog-roster-record') !== null),
    ).toBe(true)
    await page.getByLabel('Post URL').fill('https://hana.example.dev/first-week')
    await page.getByRole('button', { name: 'Record', exact: true }).click()
    await page.getByRole('link', { name: /^김하나, W1 \(Mon, Mar 1, 2027\): On time$/ }).waitFor()
    expect(await page.locator('.devlog-roster-table td[data-status="pending"]').count()).toBe(7)
    expect(await page.locator('.devlog-roster-submitted td').first().innerText()).toBe('1/2')
    // At 1280 px the whole board fits: the summary column stays at the right edge and every header
    // keeps to two lines.
    await page.setViewportSize({ width: 1280, height: 900 })
    const summaryHeader = page.locator('.devlog-roster-table thead th').last()
    expect(await summaryHeader.evaluate((cell) => getComputedStyle(cell).position)).toBe('sticky')
    const grid = (await page.locator('.devlog-roster-table').locator('..').boundingBox())!
    const summaryBox = (await summaryHeader.boundingBox())!
    expect(summaryBox.x + summaryBox.width).toBeLessThanOrEqual(grid.x + grid.width + 1)
    const lineHeight = await summaryHeader.evaluate((cell) => parseFloat(getComputedStyle(cell).lineHeight) || 20)
    for (const height of await page
      .locator('.devlog-roster-table thead th')
      .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().height)))
      expect(height).toBeLessThanOrEqual(lineHeight * 2 + 12)
    await shot('07-roster-board')
    // The board, its legend and its controls: nothing serious or critical for axe-core.
    expect(await seriousAccessibilityFindings(page, { include: [['.devlog-roster-board']] })).toEqual([])
    await page.setViewportSize({ width: 1400, height: 1000 })
    // Week headers follow the admin's language.
    await browser.context.addCookies([{ name: 'payload-lng', value: 'ko', url: server.url }])
    await page.reload()
    await page.locator('.devlog-roster-table th', { hasText: '4주' }).waitFor()
    expect(await page.locator('.devlog-roster-table th', { hasText: /^W\d/ }).count()).toBe(0)
    const boardText = await page.locator('.devlog-roster-board').innerText()
    expect(
      boardText.match(/Filter by|All statuses|Generate sessions|Import CSV|Legend|On time|Not due|Member\b/)?.[0],
    ).toBeUndefined()
    await page.getByRole('button', { name: 'CSV 가져오기…' }).click()
    await page.getByLabel('명단 CSV').waitFor()
    await shot('07-roster-import-korean')
    // Payload's dark theme: the board takes its colours from the theme's variables.
    await browser.context.addCookies([{ name: 'payload-theme', value: 'dark', url: server.url }])
    await page.reload()
    await page.locator('.devlog-roster-table').waitFor()
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
    const memberCell = await page
      .locator('.devlog-roster-table tbody th')
      .first()
      .evaluate((cell) => [getComputedStyle(cell).backgroundColor, getComputedStyle(cell).color])
    const brightness = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((sum, part) => sum + Number(part), 0) / 3
    expect(brightness(memberCell[0])).toBeLessThan(80)
    expect(brightness(memberCell[1])).toBeGreaterThan(160)
    await shot('07-roster-board-dark')
    await browser.context.addCookies([{ name: 'payload-theme', value: 'light', url: server.url }])
    await shot('07-roster-board-korean')
    await browser.context.addCookies([{ name: 'payload-lng', value: 'en', url: server.url }])
  }, 90_000)
  it('checks a member’s blog feed now, and decides on a post it found after the deadline', async () => {
    // A cohort that ran through November 2026: week 2's deadline was Sunday 8 November, 23:59:59 in Seoul.
    feeds.set('/e2e/rss', {
      body: rss('park.log', [
        { title: '늦게 올린 글', link: 'https://park.example.dev/late', date: '2026-11-05T21:00:00+09:00' },
        { title: '마지막 주 글', link: 'https://park.example.dev/last', date: '2026-11-27T21:00:00+09:00' },
      ]),
    })
    const group = (
      await api('/api/study-groups', {
        name: 'E2E 피드 스터디',
        kind: 'posting-study',
        status: 'active',
        rules: { cadence: 'weekly', sessionWeekday: 'monday', deadlineWeekday: 'sunday', timeZone: 'Asia/Seoul' },
      })
    ).doc
    const cohort = (
      await api('/api/cohorts', {
        group: group.id,
        label: '2기',
        status: 'active',
        startDate: '2026-11-02',
        endDate: '2026-11-30',
      })
    ).doc
    await api(`/api/cohorts/${cohort.id}/generate-sessions`, {})
    const member = (await api('/api/members', { displayName: '박셋', feedUrl: feeds.url('/e2e/rss') })).doc
    await api('/api/memberships', { member: member.id, cohort: cohort.id, status: 'active' })

    // The operator checks the feed from the member's page; the health fields fill in.
    await page.goto(`${server.url}/admin/collections/members/${member.id}`)
    await page.getByRole('button', { name: 'Check the feed now' }).click()
    await page.getByText('Checked: 2 new item(s), 2 submission(s).').waitFor()
    await page.locator('#field-feedStatus__itemsSeen').waitFor()
    await page.waitForFunction(
      () => (document.querySelector('#field-feedStatus__itemsSeen') as HTMLInputElement)?.value === '2',
    )
    await shot('11-member-feed-checked')

    // Seen a day and more after their deadlines, both wait for a decision on the board.
    await page.goto(`${server.url}/admin/collections/cohorts/${cohort.id}`)
    const waiting = page.locator('.devlog-roster-table td[data-status="in-review"][data-source="feed"]')
    await waiting.first().waitFor()
    expect(await waiting.count()).toBe(2)
    await shot('11-roster-awaiting-decision')

    // The operator opens week 2's post and accepts it: it counts on time, by its date.
    await page.getByRole('link', { name: /^박셋, W2 .*Awaiting a decision, from the blog feed$/ }).click()
    await page.waitForURL(/\/admin\/collections\/submissions\/\w+/)
    await page.locator('#field-review .rs__control').click()
    await page.locator('.rs__option', { hasText: 'Accepted' }).click()
    await page.locator('#action-save').click()
    await page
      .getByText(/successfully/i)
      .first()
      .waitFor()
    await page.goto(`${server.url}/admin/collections/cohorts/${cohort.id}`)
    await page.getByRole('link', { name: /^박셋, W2 .*: On time, from the blog feed$/ }).waitFor()
    expect(await waiting.count()).toBe(1)
    await shot('11-roster-decided')
  }, 90_000)
  it('refuses an SVG with a script in the media library, and stores nothing', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="teal"/>' +
      '<script>document.documentElement.setAttribute("data-ran", "yes")</script></svg>'
    await page.goto(`${server.url}/admin/collections/media/create`)
    await page.locator('input[type="file"]').setInputFiles({
      name: 'diagram.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from(svg),
    })
    await page.fill('#field-alt', '다이어그램')
    await page.locator('#action-save').click()
    await page
      .getByText(/potentially harmful content/i)
      .first()
      .waitFor()
    await shot('13-svg-refused')
    const media = await (await fetch(`${server.url}/api/media?where[filename][equals]=diagram.svg`)).json()
    expect(media.docs).toHaveLength(0)
  }, 60_000)

  it('creates a Content API key for a Ghost front end in the admin, and revokes it', async () => {
    await page.goto(`${server.url}/admin/collections/content-api-keys/create`)
    await page.fill('#field-name', 'Astro blog')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/content-api-keys\/\w+$/)
    await page.waitForFunction(() =>
      /^[0-9a-f]{26}$/.test((document.querySelector('#field-key') as HTMLInputElement)?.value ?? ''),
    )
    const key = await page.locator('#field-key').inputValue()
    await shot('12-content-api-key')
    const read = await fetch(`${server.url}/ghost/api/content/settings/?key=${key}`)
    expect(read.status).toBe(200)

    await page.locator('.doc-controls__dots').click()
    await page.locator('#action-delete').click()
    await page.locator('#confirm-action').click()
    await page.waitForURL(/\/admin\/collections\/content-api-keys\/?$/)
    const revoked = await fetch(`${server.url}/ghost/api/content/settings/?key=${key}`)
    expect(revoked.status).toBe(401)
  }, 60_000)
  it('previews a draft: the preview link and live preview carry a token the front end reads the draft with', async () => {
    const { docs } = await (
      await fetch(`${server.url}/api/posts?where[title][equals]=${encodeURIComponent('Deploying with a manifest')}`)
    ).json()
    await page.goto(`${server.url}/admin/collections/posts/${docs[0].id}`)
    await page.fill('#field-title', 'Deploying with a manifest, revised')
    await page.locator('#action-save-draft').click()
    await page
      .getByText(/successfully/i)
      .first()
      .waitFor()

    const href = await page.locator('#preview-button').getAttribute('href')
    expect(href).toMatch(/\/posts\/deploying-with-a-manifest\?preview=[\w-]+$/)
    await page.locator('#live-preview-toggler').click()
    const frame = page.locator('iframe').first()
    await frame.waitFor()
    expect(await frame.getAttribute('src')).toContain('preview=')
    await shot('08-live-preview')

    const token = new URL(href!).searchParams.get('preview')!
    const preview = await (await fetch(`${server.url}/api/preview?token=${token}`)).json()
    expect(preview.doc.title).toBe('Deploying with a manifest, revised')
    // Without the token the public still reads the published title.
    const published = await (await fetch(`${server.url}/api/posts/${docs[0].id}`)).json()
    expect(published.title).toBe('Deploying with a manifest')
  }, 90_000)
  it('shows editors what they are writing and operators their cohorts this week, in English and Korean', async () => {
    const api = async (path: string, body?: unknown) =>
      page.evaluate(
        async ({ path, body }) => {
          const response = await fetch(path, {
            method: body === undefined ? 'GET' : 'POST',
            credentials: 'include',
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
          return response.json()
        },
        { path, body },
      )
    const signInAs = (email: string, password: string) => api('/api/users/login', { email, password })

    // An editor's week: a post scheduled for later, a retrospective with goals.
    const scheduled = (await api('/api/posts?draft=true', { title: '나중에 나갈 글', _status: 'draft' })).doc
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString()
    await api(`/api/posts/${scheduled.id}/schedule`, { at })
    await api('/api/retrospectives', {
      period: { kind: 'quarter', year: 2026, index: 4 },
      _status: 'published',
      goals: [
        { text: 'Pass the CKA', status: 'achieved' },
        { text: 'Write every week', status: 'in-progress' },
      ],
    })

    // An operator's cohort in its second week, three members, one has submitted this week's post.
    const operator = (
      await api('/api/users', {
        email: 'operator@devlog.test',
        password: 'operator-password-1',
        name: 'Operator Kim',
        roles: ['operator'],
      })
    ).doc
    const group = (
      await api('/api/study-groups', {
        name: '주간 글쓰기',
        kind: 'posting-study',
        operators: [operator.id],
        rules: { cadence: 'weekly', sessionWeekday: 'monday', deadlineWeekday: 'sunday', timeZone: 'Asia/Seoul' },
      })
    ).doc
    const today = new Date()
    const lastMonday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()))
    lastMonday.setUTCDate(lastMonday.getUTCDate() - ((lastMonday.getUTCDay() + 6) % 7) - 7)
    const day = (offset: number) => new Date(lastMonday.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
    const cohort = (
      await api('/api/cohorts', {
        group: group.id,
        label: '1기',
        status: 'active',
        startDate: day(0),
        endDate: day(28),
      })
    ).doc
    await api(`/api/cohorts/${cohort.id}/generate-sessions`, {})
    await page.evaluate(
      async ({ id }) =>
        fetch(`/api/cohorts/${id}/import?dryRun=false`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'text/csv' },
          body: 'name,handle\n가람,garam\n나래,narae\n다온,daon\n',
        }),
      { id: cohort.id },
    )
    const board = await api(`/api/cohorts/${cohort.id}/board`)
    const current = board.sessions.find((session: { deadline: string }) => new Date(session.deadline) > new Date())
    const garam = board.rows.find((row: { member: { handle: string } }) => row.member.handle === 'garam')
    await api('/api/submissions/submit', {
      membership: garam.membershipId,
      session: current.id,
      url: 'https://garam.example.dev/this-week',
    })

    // The admin writes and runs groups: every widget, before the collection cards.
    await page.goto(`${server.url}/admin`)
    const writing = page.locator('.devlog-widget-writing')
    await writing.waitFor()
    expect(await writing.innerText()).toMatch(/Drafts in progress[\s\S]*브라우저에서 쓴 글/)
    expect(await writing.innerText()).toMatch(/Scheduled\s+나중에 나갈 글 · Post · publishes /)
    expect(await writing.innerText()).toMatch(/Latest published[\s\S]*2026년 4분기 회고 · Retrospective/)
    const goals = page.locator('.devlog-widget-goals')
    expect(await goals.innerText()).toMatch(
      /2026년 4분기 회고\s+In progress \(1\)\s+Write every week\s+Achieved \(1\)\s+Pass the CKA/,
    )
    const cohorts = page.locator('.devlog-widget-cohorts')
    expect(await cohorts.innerText()).toContain('주간 글쓰기 · 1기')
    expect(await cohorts.locator('.devlog-week-submitted').innerText()).toMatch(/^Submitted 1\s+가람$/)
    expect(await cohorts.locator('.devlog-week-not-submitted').innerText()).toMatch(/^Not yet 2\s+나래, 다온$/)
    await shot('09-dashboard')
    // The widget's link opens the board filtered to those who have not submitted.
    await cohorts.getByRole('link', { name: 'Not yet 2' }).click()
    await page.waitForURL(/\/admin\/collections\/cohorts\/[^/]+\?roster=not-submitted/)
    await page.locator('.devlog-roster-table th', { hasText: '나래' }).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('.devlog-roster-table tbody tr').length === 3)
    expect(await page.locator('.devlog-roster-table tbody th', { hasText: '가람' }).count()).toBe(0)
    expect(await page.locator('.devlog-roster-status').innerText()).toContain('Not submitted this week')

    // The same dashboard in Korean, with no English left on it.
    await browser.context.addCookies([{ name: 'payload-lng', value: 'ko', url: server.url }])
    await page.goto(`${server.url}/admin`)
    await page.locator('.devlog-widget-writing').waitFor()
    const korean = await page
      .locator('.devlog-widget-writing, .devlog-widget-goals, .devlog-widget-cohorts')
      .allInnerTexts()
    expect(korean.join('\n')).toMatch(
      /작성 중인 초안[\s\S]*예약[\s\S]*최근 발행[\s\S]*최근 회고의 목표[\s\S]*이번 주 기수[\s\S]*미제출 2/,
    )
    expect(
      korean
        .join('\n')
        .match(
          /Drafts|Scheduled|publishes|Latest|Goals|In progress|Achieved|Cohorts|Submitted|Not yet|At risk|due /,
        )?.[0],
    ).toBeUndefined()
    await shot('09-dashboard-korean')
    await browser.context.addCookies([{ name: 'payload-lng', value: 'en', url: server.url }])

    // An operator who does not write sees their cohorts and no writing widgets.
    await signInAs('operator@devlog.test', 'operator-password-1')
    await page.goto(`${server.url}/admin`)
    await page.locator('.devlog-widget-cohorts').waitFor()
    expect(await page.locator('.devlog-widget-writing, .devlog-widget-goals').count()).toBe(0)
    expect(await page.locator('.devlog-widget-cohorts .devlog-week').count()).toBe(1)
    await shot('10-dashboard-operator')

    // An editor who runs no group sees the writing widgets and no cohorts.
    await signInAs('owner@devlog.test', 'owner-password-1')
    await api('/api/users', {
      email: 'editor@devlog.test',
      password: 'editor-password-1',
      name: 'Editor Lee',
      roles: ['editor'],
    })
    await signInAs('editor@devlog.test', 'editor-password-1')
    await page.goto(`${server.url}/admin`)
    await page.locator('.devlog-widget-writing').waitFor()
    expect(await page.locator('.devlog-widget-cohorts').count()).toBe(0)
    expect(await page.locator('.devlog-widget-goals').count()).toBe(1)
    await shot('10-dashboard-editor')
    await signInAs('owner@devlog.test', 'owner-password-1')
  }, 120_000)
})
