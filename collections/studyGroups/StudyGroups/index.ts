import { Forbidden, type CollectionBeforeChangeHook, type CollectionConfig, type Where } from 'payload'

import { hasRole, isAdmin, isAdminField, anyone } from '../../shared/access/roles'
import { adminOrGroupOperator, adminOrOperator, assertOperatesGroup, groupOperatorField } from '../access'
import { mustExist } from '../../shared/fields/relationships'
import { slugField } from '../../shared/fields/slug'
import { isValidTimeZone, parseTimeOfDay, type Weekday } from '../deadlines'
import { label, options, staticLabel } from '../../shared/lib/labels'
import type { GroupKind } from '../constants'
import type { StudyGroup } from '../types'
import { studyGroupEndpoints } from '../endpoints'
import { noticeSettingsField } from '../notices/settings'

/** Operators create sub-studies of the programs they operate; only admins create top-level groups. */
const checkParentOperated: CollectionBeforeChangeHook<StudyGroup> = async ({ data, operation, req }) => {
  if (operation === 'create' && !hasRole(req.user, 'admin') && req.user) {
    if (!data.parent) throw new Forbidden(req.t)
    await assertOperatesGroup(req, data.parent)
  }
  return data
}

const weekdayLabels: Record<Weekday, ReturnType<typeof label>> = {
  monday: label('monday'),
  tuesday: label('tuesday'),
  wednesday: label('wednesday'),
  thursday: label('thursday'),
  friday: label('friday'),
  saturday: label('saturday'),
  sunday: label('sunday'),
}

export const StudyGroups: CollectionConfig = {
  slug: 'study-groups',
  labels: { singular: label('studyGroup'), plural: label('studyGroups') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'status', 'parent'],
    group: staticLabel('studyGroups'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOrGroupOperator('id'), delete: isAdmin },
  hooks: { beforeChange: [checkParentOperated] },
  endpoints: studyGroupEndpoints,
  fields: [
    { name: 'name', type: 'text', label: label('name'), required: true, maxLength: 120 },
    slugField({ from: 'name' }),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: label('kind'),
          required: true,
          defaultValue: 'topic-study',
          options: options<GroupKind>({
            program: label('program'),
            'posting-study': label('postingStudy'),
            'topic-study': label('topicStudy'),
            'reading-group': label('readingGroup'),
          }),
        },
        {
          name: 'status',
          type: 'select',
          label: label('status'),
          required: true,
          defaultValue: 'recruiting',
          index: true,
          options: options({
            recruiting: label('recruiting'),
            active: label('activeCohorts'),
            finished: label('finished'),
          }),
        },
      ],
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'study-groups',
      label: label('partOfProgram'),
      index: true,
      ...mustExist,
      filterOptions: ({ id }): Where =>
        id ? { and: [{ kind: { equals: 'program' } }, { id: { not_equals: id } }] } : { kind: { equals: 'program' } },
    },
    { name: 'description', type: 'textarea', label: label('descriptionStudyGroups'), maxLength: 5000 },
    {
      name: 'operators',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: label('operators'),
      index: true,
      // Who runs a group is the admins' to change: an operator cannot add a friend or remove a
      // fellow operator. One creating a sub-study staffs it.
      access: { update: isAdminField },
      ...mustExist,
    },
    {
      name: 'links',
      type: 'array',
      label: label('publicLinks'),
      maxRows: 10,
      fields: [
        { name: 'label', type: 'text', required: true, maxLength: 60 },
        {
          name: 'url',
          type: 'text',
          required: true,
          validate: (value: string | null | undefined) =>
            value && /^https?:\/\//.test(value) ? true : 'A link must be an http(s) URL.',
        },
      ],
    },
    {
      name: 'rules',
      type: 'group',
      label: label('rules'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'cadence',
              type: 'select',
              label: label('cadence'),
              defaultValue: 'weekly',
              required: true,
              options: options({
                weekly: label('weekly'),
                biweekly: label('everyTwoWeeks'),
                monthly: label('monthly'),
              }),
            },
            {
              name: 'sessionWeekday',
              type: 'select',
              label: label('sessionDay'),
              options: options(weekdayLabels),
            },
            {
              name: 'sessionTime',
              type: 'text',
              label: label('sessionTime'),
              defaultValue: '20:00',
              validate: (value: string | null | undefined) =>
                !value || !('error' in parseTimeOfDay(value))
                  ? true
                  : (parseTimeOfDay(value) as { error: string }).error,
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'deadlineWeekday',
              type: 'select',
              label: label('deadlineDay'),
              options: options(weekdayLabels),
            },
            {
              name: 'deadlineTime',
              type: 'text',
              label: label('deadlineTime'),
              defaultValue: '23:59:59',
              validate: (value: string | null | undefined) =>
                !value || !('error' in parseTimeOfDay(value))
                  ? true
                  : (parseTimeOfDay(value) as { error: string }).error,
            },
            {
              name: 'timeZone',
              type: 'text',
              label: label('timeZone'),
              defaultValue: 'Asia/Seoul',
              required: true,
              validate: (value: string | null | undefined) =>
                value && isValidTimeZone(value)
                  ? true
                  : `"${value ?? ''}" is not an IANA time zone such as Asia/Seoul.`,
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'passesPerMember',
              type: 'number',
              label: label('passesPerMember'),
              defaultValue: 0,
              min: 0,
              max: 52,
            },
            {
              name: 'atRiskMisses',
              type: 'number',
              label: label('atRiskAfterMisses'),
              defaultValue: 3,
              min: 0,
              max: 52,
            },
            {
              name: 'presentationsRequired',
              type: 'checkbox',
              label: label('presentationsRequired'),
              defaultValue: false,
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'deposit',
              type: 'number',
              label: label('depositKRW'),
              min: 0,
              // Money rules are agreed with the members; admins change them once a group runs.
              access: { read: groupOperatorField, update: isAdminField },
            },
            {
              name: 'finePerMiss',
              type: 'number',
              label: label('finePerMissKRW'),
              min: 0,
              defaultValue: 0,
              access: { read: groupOperatorField, update: isAdminField },
            },
          ],
        },
      ],
    },
    noticeSettingsField,
  ],
}
