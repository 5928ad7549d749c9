import type { CollectionConfig } from 'payload'

import { anyone } from '../../shared/access/roles'
import { adminOrGroupOperator, adminOrOperator, requireGroupOperatorOnWrite } from '../access'
import { mustExist } from '../../shared/fields/relationships'
import { label, options } from '../../shared/lib/labels'
import { cohortEndpoints } from '../endpoints'

/** `componentsPath`: where the admin finds Devlog's components (see DevlogPluginOptions). */
export const createCohortsCollection = ({ componentsPath }: { componentsPath: string }): CollectionConfig => ({
  slug: 'cohorts',
  labels: { singular: label('Cohort', '기수'), plural: label('Cohorts', '기수') },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'group', 'status', 'startDate', 'endDate'],
    group: label('Study groups', '스터디'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOrGroupOperator(), delete: adminOrGroupOperator() },
  hooks: { beforeChange: [requireGroupOperatorOnWrite] },
  endpoints: cohortEndpoints,
  fields: [
    {
      name: 'group',
      type: 'relationship',
      relationTo: 'study-groups',
      label: label('Study group', '스터디'),
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
          label: label('Label', '이름'),
          required: true,
          maxLength: 60,
          admin: { description: label('e.g. 3기, 2025 Spring', '예: 3기, 2025 봄') },
        },
        { name: 'number', type: 'number', label: label('Number', '번호'), min: 1 },
        {
          name: 'status',
          type: 'select',
          label: label('Status', '상태'),
          required: true,
          defaultValue: 'planned',
          options: options({
            planned: label('Planned', '예정'),
            active: label('Active', '진행 중'),
            finished: label('Finished', '종료'),
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
          label: label('Start', '시작일'),
          required: true,
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'endDate',
          type: 'date',
          label: label('End', '종료일'),
          required: true,
          admin: { date: { pickerAppearance: 'dayOnly' } },
          validate: (
            value: string | Date | null | undefined,
            { siblingData }: { siblingData: { startDate?: string } },
          ) =>
            !value || !siblingData.startDate || new Date(value) >= new Date(siblingData.startDate)
              ? true
              : 'The end date is before the start date.',
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
