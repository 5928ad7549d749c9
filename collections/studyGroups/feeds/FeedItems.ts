import type { Access, CollectionConfig } from 'payload'

import { hasRole, isAdmin } from '../../shared/access/roles'
import { label, staticLabel } from '../../shared/lib/labels'
import { reachableMemberIds } from '../access'

/** Admins; operators for the members they reach. */
const operatorsOfMember: Access = async ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!hasRole(req.user, 'operator')) return false
  return { member: { in: await reachableMemberIds(req) } }
}

/**
 * Every item the poller has seen in a member's feed, once (by guid, else link): what makes a feed
 * item count once however often the feed lists it or its date changes, and the log operators
 * read when a week looks wrong.
 */
export const MemberFeedItems: CollectionConfig = {
  slug: 'member-feed-items',
  labels: { singular: label('feedItem'), plural: label('feedItems') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'member', 'publishedAt', 'firstSeenAt', 'submissions'],
    group: staticLabel('studyGroups'),
  },
  // Written by the poller only.
  access: { read: operatorsOfMember, create: () => false, update: () => false, delete: isAdmin },
  indexes: [{ fields: ['member', 'identity'], unique: true }],
  defaultSort: '-firstSeenAt',
  fields: [
    { name: 'member', type: 'relationship', relationTo: 'members', required: true, index: true },
    // The guid, else the normalised link.
    { name: 'identity', type: 'text', required: true, admin: { hidden: true } },
    { name: 'guid', type: 'text', admin: { readOnly: true } },
    { name: 'link', type: 'text', label: label('link'), index: true, admin: { readOnly: true } },
    { name: 'title', type: 'text', label: label('title'), admin: { readOnly: true } },
    {
      name: 'publishedAt',
      type: 'date',
      label: label('feedItemDate'),
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'firstSeenAt',
      type: 'date',
      label: label('firstSeenAt'),
      required: true,
      index: true,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'submissions',
      type: 'relationship',
      relationTo: 'submissions',
      hasMany: true,
      label: label('submissions'),
      admin: { readOnly: true },
    },
  ],
}
