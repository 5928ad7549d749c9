import type { FieldAccess, GroupField } from 'payload'

import { label } from '../../shared/lib/labels'

/** How a member's feed has been doing, kept on the member by the poller. */
export type FeedHealth = {
  /** The feed polled: the member's `feedUrl`, else the one found from their blog. */
  url?: string | null
  /** The blog address `url` was found from; a changed blog address is looked up again. */
  discoveredFrom?: string | null
  etag?: string | null
  lastModified?: string | null
  lastCheckedAt?: string | null
  lastSuccessAt?: string | null
  lastError?: string | null
  itemsSeen?: number | null
}

const readOnlyDate = { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } }

/**
 * The member's feed health, written only by the poller: readable by whoever reads the member's
 * private fields (the member, admins, operators who reach them).
 */
export const feedHealthField = (read: FieldAccess, checkButton?: string): GroupField => ({
  name: 'feedStatus',
  type: 'group',
  label: label('feedHealth'),
  access: { read, create: () => false, update: () => false },
  admin: { condition: (data) => Boolean(data?.feedUrl || data?.blogUrl) },
  fields: [
    { name: 'url', type: 'text', label: label('feedPolled'), admin: { readOnly: true } },
    { name: 'discoveredFrom', type: 'text', admin: { hidden: true } },
    { name: 'etag', type: 'text', admin: { hidden: true } },
    { name: 'lastModified', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        { name: 'lastCheckedAt', type: 'date', label: label('feedLastChecked'), admin: readOnlyDate },
        { name: 'lastSuccessAt', type: 'date', label: label('feedLastSuccess'), admin: readOnlyDate },
        {
          name: 'itemsSeen',
          type: 'number',
          label: label('feedItemsSeen'),
          defaultValue: 0,
          admin: { readOnly: true },
        },
      ],
    },
    { name: 'lastError', type: 'text', label: label('feedLastError'), admin: { readOnly: true } },
    ...(checkButton ? [{ name: 'checkNow', type: 'ui' as const, admin: { components: { Field: checkButton } } }] : []),
  ],
})
