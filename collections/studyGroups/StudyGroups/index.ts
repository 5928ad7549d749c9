import { Forbidden, type CollectionBeforeChangeHook, type CollectionConfig, type Where } from 'payload'

import { hasRole, isAdmin, anyone } from '../../shared/access/roles'
import {
  adminOrGroupOperator,
  adminOrOperator,
  assertOperatesGroup,
  groupOperatorField,
} from '../access'
import { mustExist } from '../../shared/fields/relationships'
import { slugField } from '../../shared/fields/slug'
import { isValidTimeZone, parseTimeOfDay, type Weekday } from '../deadlines'
import { label, options } from '../../shared/lib/labels'
import { studyGroupEndpoints } from '../endpoints'

export const GROUP_KINDS = ['program', 'posting-study', 'topic-study', 'reading-group'] as const

/** Operators create sub-studies of the programs they operate; only admins create top-level groups. */
const checkParentOperated: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation === 'create' && !hasRole(req.user, 'admin') && req.user) {
    if (!data.parent) throw new Forbidden(req.t)
    await assertOperatesGroup(req, data.parent)
  }
  return data
}

const weekdayLabels: Record<Weekday, ReturnType<typeof label>> = {
  monday: label('Monday', '월요일'),
  tuesday: label('Tuesday', '화요일'),
  wednesday: label('Wednesday', '수요일'),
  thursday: label('Thursday', '목요일'),
  friday: label('Friday', '금요일'),
  saturday: label('Saturday', '토요일'),
  sunday: label('Sunday', '일요일'),
}

export const StudyGroups: CollectionConfig = {
  slug: 'study-groups',
  labels: { singular: label('Study group', '스터디'), plural: label('Study groups', '스터디') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'status', 'parent'],
    group: label('Study groups', '스터디'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOrGroupOperator('id'), delete: isAdmin },
  hooks: { beforeChange: [checkParentOperated] },
  endpoints: studyGroupEndpoints,
  fields: [
    { name: 'name', type: 'text', label: label('Name', '이름'), required: true, maxLength: 120 },
    slugField({ from: 'name' }),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: label('Kind', '종류'),
          required: true,
          defaultValue: 'topic-study',
          options: options({
            program: label('Program', '프로그램'),
            'posting-study': label('Posting study', '글쓰기 스터디'),
            'topic-study': label('Topic study', '주제 스터디'),
            'reading-group': label('Reading group', '독서 모임'),
          }),
        },
        {
          name: 'status',
          type: 'select',
          label: label('Status', '상태'),
          required: true,
          defaultValue: 'recruiting',
          index: true,
          options: options({
            recruiting: label('Recruiting', '모집 중'),
            active: label('Active', '진행 중'),
            finished: label('Finished', '종료'),
          }),
        },
      ],
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'study-groups',
      label: label('Part of program', '상위 프로그램'),
      index: true,
      ...mustExist,
      filterOptions: ({ id }): Where =>
        id ? { and: [{ kind: { equals: 'program' } }, { id: { not_equals: id } }] } : { kind: { equals: 'program' } },
    },
    { name: 'description', type: 'textarea', label: label('Description', '소개'), maxLength: 5000 },
    {
      name: 'operators',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: label('Operators', '운영진'),
      index: true,
      ...mustExist,
    },
    {
      name: 'links',
      type: 'array',
      label: label('Public links', '공개 링크'),
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
      label: label('Rules', '규칙'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'cadence',
              type: 'select',
              label: label('Cadence', '주기'),
              defaultValue: 'weekly',
              required: true,
              options: options({
                weekly: label('Weekly', '매주'),
                biweekly: label('Every two weeks', '격주'),
                monthly: label('Monthly', '매월'),
              }),
            },
            {
              name: 'sessionWeekday',
              type: 'select',
              label: label('Session day', '모임 요일'),
              options: options(weekdayLabels),
            },
            {
              name: 'sessionTime',
              type: 'text',
              label: label('Session time', '모임 시각'),
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
              label: label('Deadline day', '마감 요일'),
              options: options(weekdayLabels),
            },
            {
              name: 'deadlineTime',
              type: 'text',
              label: label('Deadline time', '마감 시각'),
              defaultValue: '23:59:59',
              validate: (value: string | null | undefined) =>
                !value || !('error' in parseTimeOfDay(value))
                  ? true
                  : (parseTimeOfDay(value) as { error: string }).error,
            },
            {
              name: 'timeZone',
              type: 'text',
              label: label('Time zone', '시간대'),
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
              label: label('Passes per member', '패스 개수'),
              defaultValue: 0,
              min: 0,
              max: 52,
            },
            {
              name: 'atRiskMisses',
              type: 'number',
              label: label('At risk after misses', '위험 기준 미제출 수'),
              defaultValue: 3,
              min: 0,
              max: 52,
            },
            {
              name: 'presentationsRequired',
              type: 'checkbox',
              label: label('Presentations required', '발표 필수'),
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
              label: label('Deposit (KRW)', '보증금(원)'),
              min: 0,
              access: { read: groupOperatorField },
            },
            {
              name: 'finePerMiss',
              type: 'number',
              label: label('Fine per miss (KRW)', '미제출 벌금(원)'),
              min: 0,
              defaultValue: 0,
              access: { read: groupOperatorField },
            },
          ],
        },
      ],
    },
  ],
}
