import fs from 'node:fs'
import path from 'node:path'

import type { ConsoleMessage, Page, Request, Response } from 'playwright-core'

import { root, type RunningServer } from './server'

/** Something a person using the admin would see go wrong, or that the server said went wrong. */
export type Fault = { kind: 'http' | 'console' | 'page' | 'server'; text: string }

/**
 * Watches a signed-in admin page and its server for what a flow must not meet: a 4xx or 5xx
 * answer it did not expect, a browser console error or React warning, an uncaught page error, or
 * a server log line at `error` or above. `expect(pattern)` allows answers a step asks for (a
 * refusal tested on purpose); `take()` hands over and clears what was seen since the last call.
 */
export function watchAdmin(page: Page, server: RunningServer) {
  let faults: Fault[] = []
  let expected: RegExp[] = []
  let serverOffset = server.output().length

  page.on('response', async (response: Response) => {
    if (response.status() < 400) return
    const line = `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`
    if (expected.some((pattern) => pattern.test(line))) return
    const fault = { kind: 'http' as const, text: line }
    faults.push(fault)
    // The answer's words, for the report: what the server said was wrong.
    const body = await response.text().catch(() => '')
    if (body) fault.text = `${line} ${body.slice(0, 400)}`
  })
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text()
    // The browser's own line for a failed request repeats an answer already judged above.
    if (/^Failed to load resource/.test(text)) return
    if (message.type() === 'error' || (message.type() === 'warning' && /Warning:|React/.test(text)))
      faults.push({ kind: 'console', text: text.slice(0, 500) })
  })
  page.on('pageerror', (error) => faults.push({ kind: 'page', text: error.message.slice(0, 500) }))

  const serverFaults = (): Fault[] => {
    const output = server.output()
    const lines = output.slice(serverOffset).split('\n')
    serverOffset = output.length
    return lines
      .filter((line) => {
        try {
          return (JSON.parse(line) as { level?: number }).level! >= 50
        } catch {
          return /\bERROR\b/.test(line)
        }
      })
      .map((line) => ({ kind: 'server' as const, text: line.slice(0, 800) }))
  }

  return {
    /** Allows answers matching `pattern` (`"403 POST /api/posts"`) until `take()`. */
    expect: (pattern: RegExp) => expected.push(pattern),
    take: (): Fault[] => {
      const seen = [...faults, ...serverFaults()]
      faults = []
      expected = []
      return seen
    },
  }
}

/** Whether `request` is one of the admin's own POSTs (form state, server functions). */
export const isAdminPost = (request: Request) =>
  request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/admin')

/**
 * Tracks the admin's own POSTs, so a step can wait until the form's state has been sent and
 * answered after an edit, as a person pauses before saving.
 */
export function trackAdminRequests(page: Page) {
  let state = { inFlight: 0, lastStart: 0, lastActivity: 0 }
  page.on('request', (request) => {
    if (isAdminPost(request)) state = { inFlight: state.inFlight + 1, lastStart: Date.now(), lastActivity: Date.now() }
  })
  const ended = (request: Request) => {
    if (isAdminPost(request)) state = { ...state, inFlight: state.inFlight - 1, lastActivity: Date.now() }
  }
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  return {
    /** Waits until the admin has sent its form state since `editedAt`, had the answer, and been quiet `quietMs`. */
    settledSince: async (editedAt: number, quietMs = 1_000) => {
      const deadline = Date.now() + 30_000
      while (state.lastStart < editedAt || state.inFlight > 0 || Date.now() - state.lastActivity < quietMs) {
        if (Date.now() > deadline) throw new Error('the admin did not send and settle its form state after the edit')
        await page.waitForTimeout(50)
      }
    },
  }
}

/** A serious or critical accessibility finding of axe-core, with where it was found. */
export type AccessibilityFinding = { id: string; at: string[] }

/**
 * Runs axe-core in `page` over `context` (axe's include/exclude selectors) and returns its serious
 * and critical findings. The script is evaluated through the browser's debugging protocol, since
 * the admin's CSP refuses injected script tags.
 */
export async function seriousAccessibilityFindings(page: Page, context: unknown): Promise<AccessibilityFinding[]> {
  await page.evaluate(fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'))
  return page.evaluate(async (context) => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run: (context: unknown) => Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe.run(context)
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, at: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }))
  }, context)
}
