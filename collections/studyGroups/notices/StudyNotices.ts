import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../shared/access/roles'
import { label, options, staticLabel } from '../../shared/lib/labels'
import { adminOrGroupOperator } from '../access'

export const NOTICE_KINDS = ['reminder', 'summary', 'digest'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
export const NOTICE_CHANNELS = ['email', 'slack', 'discord', 'post'] as const
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number]
export const NOTICE_STATUSES = ['queued', 'sent', 'failed'] as const

/**
 * The delivery log of reminders, summaries and digests. Each notice has a key naming what it is
 * (`reminder:<session>:<hours>:email:<membership>`), unique, so however many instances plan it and
 * however often, it is written, and sent, once.
 */
export const StudyNotices: CollectionConfig = {
  slug: 'study-notices',
  labels: { singular: label('studyNotice'), plural: label('studyNotices') },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'kind', 'channel', 'recipient', 'status', 'sentAt'],
    group: staticLabel('studyGroups'),
  },
  // A log: written by the jobs queue only; each group's operators read their own.
  access: { read: adminOrGroupOperator(), create: () => false, update: () => false, delete: isAdmin },
  defaultSort: '-createdAt',
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          label: label('noticeKind'),
          options: options<NoticeKind>({
            reminder: label('noticeReminder'),
            summary: label('noticeSummary'),
            digest: label('weeklyDigest'),
          }),
        },
        {
          name: 'channel',
          type: 'select',
          required: true,
          label: label('noticeChannel'),
          options: NOTICE_CHANNELS.map((value) => ({ value, label: value })),
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'queued',
          label: label('status'),
          options: NOTICE_STATUSES.map((value) => ({ value, label: value })),
        },
      ],
    },
    { name: 'group', type: 'relationship', relationTo: 'study-groups', index: true, admin: { readOnly: true } },
    { name: 'session', type: 'relationship', relationTo: 'study-sessions', index: true, admin: { readOnly: true } },
    // Who an email goes to, by reference: the address is looked up when it is sent, never logged.
    { name: 'member', type: 'relationship', relationTo: 'members', admin: { readOnly: true } },
    { name: 'user', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'recipient', type: 'text', label: label('noticeRecipient'), admin: { readOnly: true } },
    { name: 'subject', type: 'text', label: label('noticeSubject'), admin: { readOnly: true } },
    { name: 'text', type: 'textarea', label: label('noticeText'), admin: { readOnly: true } },
    { name: 'post', type: 'relationship', relationTo: 'posts', label: label('post'), admin: { readOnly: true } },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { readOnly: true } },
    { name: 'lastError', type: 'text', admin: { readOnly: true } },
    { name: 'sentAt', type: 'date', label: label('sentAt'), admin: { readOnly: true } },
  ],
}
