import type { PayloadRequest, TaskConfig } from 'payload'

import { idOf } from '../../shared/lib/ids'
import { postOutbound } from '../../shared/lib/outbound'
import { noticeSettings, type NoticeSettings } from './settings'

const TIMEOUT_MS = 10_000
/** Discord refuses longer messages. */
const DISCORD_LIMIT = 2000

type Notice = {
  id: string | number
  channel: string
  status: string
  subject?: string | null
  text?: string | null
  group?: unknown
  member?: unknown
  user?: unknown
  attempts?: number | null
}

/**
 * Slack reads `&`, `<` and `>` as its own markup (`<!channel>` pings everyone, `<url|label>` is a
 * disguised link): they are escaped as Slack asks, so a member's name or a post's title reads as typed.
 */
export const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A web address in a notice, left as it is so that Discord still links it. */
const WEB_ADDRESS = /(https?:\/\/\S+)/

/**
 * Discord reads Markdown (masked `[links](…)`, spoilers, headings and quotes at a line's start,
 * `<@…>` and `<#…>` mentions): each mark that could start it is escaped with a backslash, which
 * Discord hides, everywhere but in web addresses. `allowed_mentions` still keeps `@everyone` silent.
 */
export const discordText = (text: string) =>
  text
    .split(WEB_ADDRESS)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(/[\\*_~`|[\]<@]/g, '\\$&').replace(/^([#>-])/gm, '\\$1'),
    )
    .join('')

async function addressOf(req: PayloadRequest, notice: Notice): Promise<string> {
  const [collection, id] = notice.member
    ? (['members', idOf(notice.member)] as const)
    : (['users', idOf(notice.user)] as const)
  const doc =
    id === null
      ? null
      : await req.payload.db.findOne<{ id: string | number; email?: string | null }>({
          collection,
          where: { id: { equals: id } },
          req,
        })
  if (!doc?.email) throw new Error('the recipient has no email address any more')
  return doc.email
}

/** Sends one notice through its channel; a failure throws, and the jobs queue retries. */
async function send(req: PayloadRequest, notice: Notice, allowHosts: readonly string[]) {
  const subject = notice.subject ?? ''
  const text = notice.text ?? ''
  if (notice.channel === 'email') {
    await req.payload.sendEmail({ to: await addressOf(req, notice), subject, text })
    return
  }
  // The webhook URL is read now, from the group: a secret is never copied into the log.
  const group = await req.payload.db.findOne<{ id: string | number; notices?: NoticeSettings | null }>({
    collection: 'study-groups',
    where: { id: { equals: idOf(notice.group) } },
    req,
  })
  const settings = noticeSettings(group?.notices)
  const url = notice.channel === 'slack' ? settings.slackWebhookUrl : settings.discordWebhookUrl
  if (!url) throw new Error(`the group has no ${notice.channel} webhook any more`)
  const body =
    notice.channel === 'slack'
      ? { text: slackText(text) }
      : { content: discordText(text).slice(0, DISCORD_LIMIT), allowed_mentions: { parse: [] } }
  const { status } = await postOutbound(url, {
    headers: { 'content-type': 'application/json', 'user-agent': 'Devlog-Notices/1' },
    body: JSON.stringify(body),
    timeoutMs: TIMEOUT_MS,
    allowHosts,
  })
  if (status < 200 || status >= 300) throw new Error(`${notice.channel} answered HTTP ${status}`)
}

/** The task that delivers a notice: its failures are the mail server's or the chat's (see `DELIVERY_TASKS`). */
export const DELIVER_NOTICE_TASK = 'deliverStudyNotice'

/**
 * Delivers a planned notice. One already sent is left alone, so a job that runs twice (a retry
 * after a crash, a second instance) does not send it again; each attempt is logged on it.
 */
export const deliverNoticeTask = ({
  retryDelayMs,
  allowPrivateHosts,
}: {
  retryDelayMs: number
  allowPrivateHosts: readonly string[]
}): TaskConfig => ({
  slug: DELIVER_NOTICE_TASK,
  label: 'Deliver a study-group reminder or summary',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: retryDelayMs } },
  inputSchema: [{ name: 'notice', type: 'text', required: true }],
  handler: async ({ input, req }) => {
    const id = (input as { notice: string }).notice
    const notice = await req.payload.db.findOne<Notice>({
      collection: 'study-notices',
      where: { id: { equals: id } },
      req,
    })
    if (!notice || notice.status === 'sent') return { output: {} }
    let failure: string | null = null
    try {
      await send(req, notice, allowPrivateHosts)
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error)
    }
    await req.payload.update({
      collection: 'study-notices',
      id: notice.id,
      data: {
        attempts: (notice.attempts ?? 0) + 1,
        status: failure ? 'failed' : 'sent',
        lastError: failure,
        ...(failure ? {} : { sentAt: new Date().toISOString() }),
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (failure) throw new Error(`Notice ${notice.id}: ${failure}`)
    return { output: {} }
  },
})
