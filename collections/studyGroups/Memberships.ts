import type { CollectionConfig } from 'payload'

import { anyone } from '../shared/access/roles'
import { adminOrGroupOperator, adminOrOperator } from './access'
import { cohortFields, cohortRowHooks } from './groupRef'
import { mustExist } from '../shared/fields/relationships'
import { label, options } from '../shared/lib/labels'
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES } from './constants'
import { membershipEndpoints } from './endpoints'


/** A roster row: one person in one cohort, at most once. */
export const Memberships: CollectionConfig = {
  slug: 'memberships',
  labels: { singular: label('Membership', '참여'), plural: label('Memberships', '참여') },
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['member', 'cohort', 'role', 'status'],
    group: label('Study groups', '스터디'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOrGroupOperator(), delete: adminOrGroupOperator() },
  indexes: [{ fields: ['member', 'cohort'], unique: true }],
  hooks: { beforeChange: cohortRowHooks },
  endpoints: membershipEndpoints,
  fields: [
    {
      name: 'member',
      type: 'relationship',
      relationTo: 'members',
      required: true,
      index: true,
      label: label('Member', '참여자'),
      ...mustExist,
    },
    ...cohortFields(),
    {
      type: 'row',
      fields: [
        {
          name: 'role',
          type: 'select',
          label: label('Role', '역할'),
          required: true,
          defaultValue: 'member',
          options: options({
            organizer: label('Organizer', '주최'),
            operator: label('Operator', '운영진'),
            leader: label('Leader', '리더'),
            member: label('Member', '멤버'),
          }),
        },
        {
          name: 'status',
          type: 'select',
          label: label('Status', '상태'),
          required: true,
          defaultValue: 'active',
          index: true,
          options: options({
            applied: label('Applied', '지원'),
            active: label('Active', '활동'),
            'on-leave': label('On leave', '휴식'),
            completed: label('Completed', '수료'),
            dropped: label('Dropped', '중도 하차'),
          }),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'joinedAt',
          type: 'date',
          label: label('Joined', '참여일'),
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'leftAt',
          type: 'date',
          label: label('Left', '종료일'),
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
  ],
}
