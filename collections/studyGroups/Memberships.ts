import type { CollectionConfig } from 'payload'

import { anyone, signedIn } from '../shared/access/roles'
import { adminOrGroupOperator } from './access'
import { checkEnrolment } from './enrolment'
import { cohortFields, copyGroupFrom } from './groupRef'
import { DAY_ONLY } from '../shared/fields/dates'
import { mustExist } from '../shared/fields/relationships'
import { label, options, staticLabel } from '../shared/lib/labels'
import { uniqueTogether } from '../shared/uniqueTogether'
import type { MembershipRole, MembershipStatus } from './constants'
import { membershipEndpoints } from './endpoints'

/** A roster row: one person in one cohort, at most once. */
export const Memberships: CollectionConfig = {
  slug: 'memberships',
  labels: { singular: label('membership'), plural: label('memberships') },
  admin: {
    useAsTitle: 'id',
    defaultColumns: ['member', 'cohort', 'role', 'status'],
    group: staticLabel('studyGroups'),
  },
  // Creating is enrolling (operators, admins) or applying (anyone signed in): see `checkEnrolment`.
  access: { read: anyone, create: signedIn, update: adminOrGroupOperator(), delete: adminOrGroupOperator() },
  indexes: [{ fields: ['member', 'cohort'], unique: true }],
  // A copy would be the same person in the same cohort: refused on save, so not offered.
  disableDuplicate: true,
  hooks: {
    beforeValidate: [
      uniqueTogether({ fields: ['member', 'cohort'], path: 'member', message: 'memberAlreadyInCohort' }),
    ],
    beforeChange: [copyGroupFrom({ field: 'cohort', collection: 'cohorts' }), checkEnrolment],
  },
  endpoints: membershipEndpoints,
  fields: [
    {
      name: 'member',
      type: 'relationship',
      relationTo: 'members',
      required: true,
      index: true,
      label: label('memberMembers'),
      ...mustExist,
    },
    ...cohortFields(),
    {
      type: 'row',
      fields: [
        {
          name: 'role',
          type: 'select',
          label: label('role'),
          required: true,
          defaultValue: 'member',
          options: options<MembershipRole>({
            organizer: label('organizer'),
            operator: label('operator'),
            leader: label('leader'),
            member: label('memberUsers'),
          }),
        },
        {
          name: 'status',
          type: 'select',
          label: label('status'),
          required: true,
          defaultValue: 'active',
          index: true,
          options: options<MembershipStatus>({
            applied: label('applied'),
            active: label('activeMemberships'),
            'on-leave': label('onLeave'),
            completed: label('completed'),
            dropped: label('droppedMemberships'),
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
          label: label('joined'),
          admin: { date: DAY_ONLY },
        },
        {
          name: 'leftAt',
          type: 'date',
          label: label('left'),
          admin: { date: DAY_ONLY },
        },
      ],
    },
  ],
}
