import type { GroupField, Validate } from 'payload'

import { devlogOptions } from '../../options'
import { label, options } from '../../shared/lib/labels'
import { resolvedOutboundUrlProblem } from '../../shared/lib/outbound'
import { groupOperatorField } from '../access'

export const NOTICE_LANGUAGES = ['ko', 'en'] as const
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number]

/** A group's notice settings as stored. */
export type NoticeSettings = {
  language?: NoticeLanguage | null
  reminderHours?: number[] | null
  emailReminders?: boolean | null
  summaries?: boolean | null
  weeklyDigest?: boolean | null
  slackWebhookUrl?: string | null
  discordWebhookUrl?: string | null
}

const DEFAULT_REMINDER_HOURS = [24, 3]

/** The settings with their defaults, for groups saved before they existed. */
export const noticeSettings = (stored: NoticeSettings | null | undefined) => ({
  language: stored?.language ?? 'ko',
  reminderHours: stored?.reminderHours?.length ? stored.reminderHours : DEFAULT_REMINDER_HOURS,
  emailReminders: stored?.emailReminders ?? true,
  summaries: stored?.summaries ?? true,
  weeklyDigest: stored?.weeklyDigest ?? true,
  slackWebhookUrl: stored?.slackWebhookUrl || null,
  discordWebhookUrl: stored?.discordWebhookUrl || null,
})

/** An incoming-webhook URL of the service's own host, at a public address (checked again on every delivery). */
const incomingWebhook =
  (service: string, hosts: RegExp): Validate<string | null | undefined> =>
  async (value, { req }) => {
    if (!value) return true
    const { allowPrivateHosts } = devlogOptions(req.payload.config).outbound
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return `The ${service} webhook URL is not a web address.`
    }
    const host = url.hostname.toLowerCase()
    // A host allowed for testing (a loopback receiver) may be plain HTTP on a port of its own.
    if (!allowPrivateHosts.includes(host)) {
      if (!hosts.test(host)) return `The ${service} webhook URL must be one ${service} gave you, not one on ${host}.`
      if (url.protocol !== 'https:' || url.port)
        return `The ${service} webhook URL must be an https:// address on the standard port, as ${service} gives it.`
    }
    const problem = await resolvedOutboundUrlProblem(value, allowPrivateHosts)
    return problem ? `The ${service} webhook URL ${problem}.` : true
  }

/**
 * Reminders before deadlines, summaries and the weekly digest after them: per group, edited by
 * its operators, who alone read it (the webhook URLs are secrets).
 */
export const noticeSettingsField: GroupField = {
  name: 'notices',
  type: 'group',
  label: label('noticeSettings'),
  access: { read: groupOperatorField, update: groupOperatorField },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'language',
          type: 'select',
          label: label('noticeLanguage'),
          defaultValue: 'ko',
          options: options<NoticeLanguage>({ ko: label('korean'), en: label('english') }),
        },
        {
          name: 'reminderHours',
          type: 'number',
          hasMany: true,
          label: label('reminderHours'),
          defaultValue: DEFAULT_REMINDER_HOURS,
          min: 1,
          max: 168,
          maxRows: 5,
          admin: { description: label('reminderHoursDescription') },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'emailReminders', type: 'checkbox', label: label('emailReminders'), defaultValue: true },
        { name: 'summaries', type: 'checkbox', label: label('operatorSummaries'), defaultValue: true },
        { name: 'weeklyDigest', type: 'checkbox', label: label('weeklyDigest'), defaultValue: true },
      ],
    },
    {
      name: 'slackWebhookUrl',
      type: 'text',
      label: label('slackWebhook'),
      validate: incomingWebhook('Slack', /^hooks\.slack\.com$/),
    },
    {
      name: 'discordWebhookUrl',
      type: 'text',
      label: label('discordWebhook'),
      validate: incomingWebhook('Discord', /^(?:\w+\.)?discord(?:app)?\.com$/),
    },
  ],
}
