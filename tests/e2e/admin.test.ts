import type { Page } from 'playwright-core'

import { hasChromium, launchBrowser } from '../helpers/browser'
import { hasProductionBuild, startServer, type RunningServer } from '../helpers/server'

const runnable = hasChromium() && hasProductionBuild()
if (!runnable) {
  console.warn(
    `Browser tests skipped: ${hasChromium() ? '' : 'no Chromium at /usr/bin/chromium (apt-get install -y chromium). '}${
      hasProductionBuild() ? '' : 'no production build (npm run build).'
    }`,
  )
}

const describeBrowser = runnable ? describe : describe.skip

describeBrowser('the admin in a real browser', () => {
  let server: RunningServer
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.context.newPage()
    page.setDefaultTimeout(30_000)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop('SIGKILL')
  })

  it('creates the first admin through the UI', async () => {
    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/\/admin\/create-first-user/)
    await page.fill('#field-email', 'owner@devlog.test')
    await page.fill('#field-password', 'owner-password-1')
    await page.fill('#field-confirm-password', 'owner-password-1')
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    await page.getByText('Posts', { exact: false }).first().waitFor()

    const me = await page.evaluate(async () => (await fetch('/api/users/me', { credentials: 'include' })).json())
    expect(me.user).toMatchObject({ email: 'owner@devlog.test', roles: ['admin'] })
  }, 90_000)

  it('writes and publishes a post in the editor, readable anonymously over REST', async () => {
    await page.goto(`${server.url}/admin/collections/posts/create`)
    await page.fill('#field-title', '브라우저에서 쓴 글')
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.click()
    await page.keyboard.type('Written in Chromium through the Payload admin.')
    await page.locator('#action-save').click()
    await page
      .getByText(/published successfully|successfully/i)
      .first()
      .waitFor()

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
})
