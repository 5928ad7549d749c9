import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { anyone, hasRole } from '../../shared/access/roles'
import { idOf } from '../../shared/lib/ids'
import { operatedGroupIds, operatesGroup, rowGroupOperatorField } from '../access'
import type { Submission } from '../types'
import { mustExist } from '../../shared/fields/relationships'
import { label, options, staticLabel } from '../../shared/lib/labels'
import { uniqueTogether } from '../../shared/uniqueTogether'
import type { SubmissionSource } from '../constants'
import type { SubmissionReview } from '../rosterRules'
import { submissionEndpoints } from '../endpoints'
import { prepareSubmission } from './hooks/prepareSubmission'

/** Admins; operators for their groups; members for their own submissions. */
const writeAccess: Access = async ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user) return false
  const own = { memberUser: { equals: req.user.id } }
  if (!hasRole(req.user, 'operator')) return own
  return { or: [own, { group: { in: await operatedGroupIds(req) } }] }
}

/** Whose submission it is: the member themself, admins and the group's operators. */
const ownerOrGroupOperatorField: FieldAccess<Submission> = async ({ req, doc }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user || !doc) return false
  if (String(idOf(doc.memberUser)) === String(req.user.id)) return true
  return hasRole(req.user, 'operator') && operatesGroup(req, doc.group)
}

export const Submissions: CollectionConfig = {
  slug: 'submissions',
  labels: { singular: label('submission'), plural: label('submissions') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'membership', 'session', 'submittedAt', 'source', 'review'],
    group: staticLabel('studyGroups'),
  },
  access: {
    read: anyone,
    create: ({ req }) => Boolean(req.user),
    update: writeAccess,
    delete: async (args) => (hasRole(args.req.user, 'admin', 'operator') ? writeAccess(args) : false),
  },
  indexes: [{ fields: ['membership', 'session'], unique: true }],
  // A copy would be a second submission of one member for one session: refused, so not offered.
  disableDuplicate: true,
  hooks: {
    beforeValidate: [
      uniqueTogether({ fields: ['membership', 'session'], path: 'session', message: 'alreadySubmittedForSession' }),
    ],
    beforeChange: [prepareSubmission],
  },
  endpoints: submissionEndpoints,
  fields: [
    {
      name: 'membership',
      type: 'relationship',
      relationTo: 'memberships',
      required: true,
      index: true,
      label: label('membership'),
      ...mustExist,
    },
    {
      name: 'session',
      type: 'relationship',
      relationTo: 'study-sessions',
      required: true,
      index: true,
      label: label('session'),
      ...mustExist,
    },
    { name: 'title', type: 'text', label: label('title'), maxLength: 300 },
    {
      name: 'url',
      type: 'text',
      label: label('link'),
      validate: (value: string | null | undefined) =>
        !value || /^https?:\/\/\S+$/.test(value) ? true : 'The link must be an http(s) URL.',
    },
    {
      name: 'post',
      type: 'relationship',
      relationTo: 'posts',
      label: label('postOnThisBlog'),
      ...mustExist,
    },
    {
      name: 'submittedAt',
      type: 'date',
      label: label('submittedAt'),
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'source',
      type: 'select',
      label: label('submissionSource'),
      defaultValue: 'manual',
      options: options<SubmissionSource>({ manual: label('sourceManual'), feed: label('sourceFeed') }),
      admin: { readOnly: true, position: 'sidebar' },
      // Set by Devlog: the feed poller, or a person's submission (`prepareSubmission`).
      access: { create: () => false, update: () => false },
    },
    {
      name: 'review',
      type: 'select',
      label: label('operatorDecision'),
      index: true,
      options: options<SubmissionReview>({
        'needs-decision': label('reviewNeedsDecision'),
        accepted: label('reviewAccepted'),
        rejected: label('reviewRejected'),
      }),
      admin: { position: 'sidebar', description: label('reviewDescription') },
      access: { create: () => false, update: rowGroupOperatorField },
    },
    {
      name: 'firstSeenAt',
      type: 'date',
      label: label('firstSeenAt'),
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        condition: (data) => data?.source === 'feed',
      },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'feedItem',
      type: 'relationship',
      relationTo: 'member-feed-items',
      label: label('feedItem'),
      admin: { readOnly: true, position: 'sidebar', condition: (data) => data?.source === 'feed' },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'group',
      type: 'relationship',
      relationTo: 'study-groups',
      index: true,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'memberUser',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      admin: { readOnly: true, hidden: true },
      access: { read: ownerOrGroupOperatorField },
    },
  ],
}
