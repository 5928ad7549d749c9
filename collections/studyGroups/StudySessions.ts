import type { CollectionConfig, FieldHook } from 'payload'

import { anyone } from '../shared/access/roles'
import { adminOrGroupOperator, adminOrOperator, rowGroupOperatorField } from './access'
import { cohortFields, cohortRowHooks } from './groupRef'
import { mustExist } from '../shared/fields/relationships'
import { idOf } from '../shared/lib/ids'
import { label, options, staticLabel } from '../shared/lib/labels'
import { uniqueTogether } from '../shared/uniqueTogether'

/** The week after the cohort's last session. */
const nextWeekOfCohort: FieldHook = async ({ value, siblingData, req }) => {
  const last = await req.payload.find({
    collection: 'study-sessions',
    where: { cohort: { equals: idOf(siblingData?.cohort) } },
    sort: '-number',
    limit: 1,
    depth: 0,
    select: { number: true },
    overrideAccess: true,
    req,
  })
  const lastWeek = (last.docs[0] as { number?: number } | undefined)?.number
  return (lastWeek ?? (typeof value === 'number' ? value : 0)) + 1
}

export const StudySessions: CollectionConfig = {
  slug: 'study-sessions',
  labels: { singular: label('session'), plural: label('sessions') },
  admin: {
    useAsTitle: 'topic',
    defaultColumns: ['number', 'topic', 'cohort', 'date', 'deadline'],
    group: staticLabel('studyGroups'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOrGroupOperator(), delete: adminOrGroupOperator() },
  indexes: [{ fields: ['cohort', 'number'], unique: true }],
  defaultSort: 'date',
  hooks: {
    beforeValidate: [uniqueTogether({ fields: ['cohort', 'number'], path: 'number', message: 'sessionWeekTaken' })],
    beforeChange: cohortRowHooks,
  },
  fields: [
    ...cohortFields(),
    {
      type: 'row',
      fields: [
        {
          name: 'number',
          type: 'number',
          label: label('week'),
          required: true,
          min: 1,
          // A duplicate is the cohort's next week: the same number would be refused.
          hooks: { beforeDuplicate: [nextWeekOfCohort] },
        },
        {
          name: 'date',
          type: 'date',
          label: label('starts'),
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'deadline',
          type: 'date',
          label: label('submissionDeadline'),
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            description: label('emptyNothingToSubmitThis'),
          },
        },
      ],
    },
    { name: 'topic', type: 'text', label: label('topic'), maxLength: 200 },
    {
      name: 'presenters',
      type: 'relationship',
      relationTo: 'memberships',
      hasMany: true,
      label: label('presenters'),
      ...mustExist,
    },
    {
      type: 'row',
      fields: [
        { name: 'place', type: 'text', label: label('place'), maxLength: 200 },
        {
          name: 'onlineUrl',
          type: 'text',
          label: label('onlineLink'),
          validate: (value: string | null | undefined) =>
            !value || /^https?:\/\/\S+$/.test(value) ? true : 'The online link must be an http(s) URL.',
        },
      ],
    },
    { name: 'notes', type: 'textarea', label: label('notes') },
    {
      name: 'attendance',
      type: 'array',
      label: label('attendance'),
      // Who attended is not public: admins and the group's operators.
      access: { read: rowGroupOperatorField },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'membership',
              type: 'relationship',
              relationTo: 'memberships',
              required: true,
              label: label('memberMembers'),
              ...mustExist,
            },
            {
              name: 'status',
              type: 'select',
              label: label('status'),
              required: true,
              defaultValue: 'present',
              options: options({
                present: label('present'),
                late: label('late'),
                absent: label('absent'),
                excused: label('excused'),
              }),
            },
          ],
        },
      ],
    },
  ],
}
