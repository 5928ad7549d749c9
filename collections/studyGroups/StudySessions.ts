import type { CollectionConfig, FieldAccess } from 'payload'

import { anyone, hasRole } from '../shared/access/roles'
import { adminOrGroupOperator, adminOrOperator, operatesGroup } from './access'
import { cohortFields, cohortRowHooks } from './groupRef'
import { mustExist } from '../shared/fields/relationships'
import { label, options } from '../shared/lib/labels'

/** Who attended is not public: admins and the group's operators. */
const attendanceReadable: FieldAccess = async ({ req, doc }) =>
  hasRole(req.user, 'admin') || (doc?.group !== undefined && (await operatesGroup(req, doc.group)))

export const StudySessions: CollectionConfig = {
  slug: 'study-sessions',
  labels: { singular: label('Session', '모임'), plural: label('Sessions', '모임') },
  admin: {
    useAsTitle: 'topic',
    defaultColumns: ['number', 'topic', 'cohort', 'date', 'deadline'],
    group: label('Study groups', '스터디'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOrGroupOperator(), delete: adminOrGroupOperator() },
  indexes: [{ fields: ['cohort', 'number'], unique: true }],
  defaultSort: 'date',
  hooks: { beforeChange: cohortRowHooks },
  fields: [
    ...cohortFields(),
    {
      type: 'row',
      fields: [
        { name: 'number', type: 'number', label: label('Week', '회차'), required: true, min: 1 },
        {
          name: 'date',
          type: 'date',
          label: label('Starts', '시작'),
          required: true,
          index: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'deadline',
          type: 'date',
          label: label('Submission deadline', '제출 마감'),
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            description: label('Empty: nothing to submit this week.', '비우면 이번 주는 제출이 없습니다.'),
          },
        },
      ],
    },
    { name: 'topic', type: 'text', label: label('Topic', '주제'), maxLength: 200 },
    {
      name: 'presenters',
      type: 'relationship',
      relationTo: 'memberships',
      hasMany: true,
      label: label('Presenters', '발표자'),
      ...mustExist,
    },
    {
      type: 'row',
      fields: [
        { name: 'place', type: 'text', label: label('Place', '장소'), maxLength: 200 },
        {
          name: 'onlineUrl',
          type: 'text',
          label: label('Online link', '온라인 링크'),
          validate: (value: string | null | undefined) =>
            !value || /^https?:\/\/\S+$/.test(value) ? true : 'The online link must be an http(s) URL.',
        },
      ],
    },
    { name: 'notes', type: 'textarea', label: label('Notes', '메모') },
    {
      name: 'attendance',
      type: 'array',
      label: label('Attendance', '출석'),
      access: { read: attendanceReadable },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'membership',
              type: 'relationship',
              relationTo: 'memberships',
              required: true,
              label: label('Member', '참여자'),
              ...mustExist,
            },
            {
              name: 'status',
              type: 'select',
              label: label('Status', '상태'),
              required: true,
              defaultValue: 'present',
              options: options({
                present: label('Present', '출석'),
                late: label('Late', '지각'),
                absent: label('Absent', '결석'),
                excused: label('Excused', '사유 결석'),
              }),
            },
          ],
        },
      ],
    },
  ],
}
