import type { CollectionConfig } from 'payload'

import { anyone } from '../../shared/access/roles'
import { adminOrGroupOperator, adminOrOperator, requireGroupOperatorOnWrite } from '../access'
import { DAY_ONLY } from '../../shared/fields/dates'
import { mustExist } from '../../shared/fields/relationships'
import { label, options, staticLabel } from '../../shared/lib/labels'
import { cohortEndpoints } from '../endpoints'

/** `componentsPath`: where the admin finds Devlog's components (see DevlogPluginOptions). */
export const createCohortsCollection = ({ componentsPath }: { componentsPath: string }): CollectionConfig => ({
  slug: 'cohorts',
  labels: { singular: label('cohort'), plural: label('cohorts') },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'group', 'status', 'startDate', 'endDate'],
    group: staticLabel('studyGroups'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOrGroupOperator(), delete: adminOrGroupOperator() },
  hooks: { beforeChange: [requireGroupOperatorOnWrite] },
  endpoints: cohortEndpoints,
  fields: [
    {
      name: 'group',
      type: 'relationship',
      relationTo: 'study-groups',
      label: label('studyGroup'),
      required: true,
      index: true,
      ...mustExist,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'label',
          type: 'text',
          label: label('label'),
          required: true,
          maxLength: 60,
          admin: { description: label('eG32025Spring') },
        },
        { name: 'number', type: 'number', label: label('number'), min: 1 },
        {
          name: 'status',
          type: 'select',
          label: label('status'),
          required: true,
          defaultValue: 'planned',
          options: options({
            planned: label('plannedCohorts'),
            active: label('activeCohorts'),
            finished: label('finished'),
          }),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startDate',
          type: 'date',
          label: label('start'),
          required: true,
          admin: { date: DAY_ONLY },
        },
        {
          name: 'endDate',
          type: 'date',
          label: label('end'),
          required: true,
          admin: { date: DAY_ONLY },
          validate: (
            value: string | Date | null | undefined,
            { siblingData }: { siblingData: { startDate?: string } },
          ) => {
            // A custom validate replaces Payload's required check.
            if (!value) return 'endDate: the end date is required.'
            return !siblingData.startDate || new Date(value) >= new Date(siblingData.startDate)
              ? true
              : 'The end date is before the start date.'
          },
        },
      ],
    },
    {
      name: 'rosterBoard',
      type: 'ui',
      admin: { components: { Field: `${componentsPath}#RosterBoardField` } },
    },
  ],
})
