import type { CollectionConfig, Field } from 'payload'

import { isEditor, publishedOrEditor } from '../../shared/access/roles'
import { devlogEditor } from '../../shared/richtext/editor'
import { deriveContent, derivedContentFields } from '../../shared/fields/derivedContent'
import { publishedAtField, publishedNewestFirstIndex, setPublishedAt } from '../../shared/fields/publishedAt'
import { mustExist } from '../../shared/fields/relationships'
import { slugField } from '../../shared/fields/slug'
import { sourceHashField } from '../../shared/fields/sourceHash'
import { label, options } from '../../shared/lib/labels'
import type { EditorState } from '../../shared/richtext/render'
import type { GoalStatus } from '../constants'
import { carryOverGoals } from './hooks/carryOverGoals'
import { generateTitle, storeDerivedPeriod, titleFromPeriod, validatePeriodField } from './hooks/period'
import { onePublishedPerPeriod } from './hooks/uniquePeriod'
import { retrospectiveNavigation } from './navigation'
import { buildTimeline } from './timeline'

type Section = { heading?: string; body?: EditorState | null }

/** Each section renders as an `h2` with its heading, followed by its body. */
const sectionsAsRichText = (data: Record<string, unknown>): EditorState[] =>
  ((data.sections as Section[] | undefined) ?? []).map((section) => ({
    root: {
      type: 'root',
      children: [
        { type: 'heading', tag: 'h2', children: [{ type: 'text', text: section.heading ?? '' }] },
        ...(section.body?.root?.children ?? []),
      ],
    },
  }))

const goalStatusLabels: Record<GoalStatus, ReturnType<typeof label>> = {
  planned: label('Planned', '계획'),
  'in-progress': label('In progress', '진행 중'),
  achieved: label('Achieved', '달성'),
  missed: label('Missed', '미달성'),
  dropped: label('Dropped', '중단'),
}

const periodKindLabels = {
  year: label('Year', '연간'),
  half: label('Half year', '반기'),
  quarter: label('Quarter', '분기'),
  month: label('Month', '월간'),
  custom: label('Custom', '직접 지정'),
}

const studyLinks: Field = {
  type: 'row',
  fields: [
    {
      name: 'studyGroups',
      type: 'relationship',
      relationTo: 'study-groups',
      hasMany: true,
      label: label('Study groups it reviews', '돌아본 스터디'),
      ...mustExist,
    },
    {
      name: 'cohorts',
      type: 'relationship',
      relationTo: 'cohorts',
      hasMany: true,
      label: label('Cohorts it reviews', '돌아본 기수'),
      ...mustExist,
      admin: { description: label('e.g. 블로그 포스팅 스터디 3기', '예: 블로그 포스팅 스터디 3기') },
    },
  ],
}

/** `linkStudyGroups`: whether the study-groups feature is on, so a retrospective can name groups and cohorts. */
export const createRetrospectivesCollection = ({ linkStudyGroups }: { linkStudyGroups: boolean }): CollectionConfig => ({
  slug: 'retrospectives',
  labels: { singular: label('Retrospective', '회고'), plural: label('Retrospectives', '회고') },
  access: { read: publishedOrEditor, create: isEditor, update: isEditor, delete: isEditor },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'period.kind', 'period.year', '_status', 'publishedAt'],
    group: label('Retrospectives', '회고'),
  },
  defaultSort: '-period.startDate',
  indexes: [publishedNewestFirstIndex],
  versions: { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
  hooks: {
    beforeChange: [
      setPublishedAt,
      storeDerivedPeriod,
      onePublishedPerPeriod,
      carryOverGoals,
      deriveContent({ content: sectionsAsRichText, excerptField: 'excerpt' }),
    ],
  },
  endpoints: [
    {
      path: '/timeline',
      method: 'get',
      handler: async (req) => Response.json({ years: await buildTimeline(req.payload, req) }),
    },
  ],
  fields: [
    {
      name: 'title',
      type: 'text',
      label: label('Title', '제목'),
      maxLength: 200,
      // Not `required`: APIs (GraphQL's input type included) must accept a retrospective without a
      // title, which the hook generates from the period.
      validate: (value: string | null | undefined, { siblingData }: { siblingData: Record<string, unknown> }) =>
        value || titleFromPeriod(siblingData, undefined) ? true : 'A title is required when the period is incomplete.',
      hooks: { beforeValidate: [generateTitle] },
      admin: { description: label('Left empty, it is generated from the period.', '비워 두면 기간으로 만들어집니다.') },
    },
    slugField({ from: 'title', fallback: titleFromPeriod }),
    {
      name: 'language',
      type: 'select',
      label: label('Content language', '본문 언어'),
      options: [
        { value: 'ko', label: '한국어' },
        { value: 'en', label: 'English' },
      ],
      defaultValue: ({ req }) => (req?.i18n?.language === 'en' ? 'en' : 'ko'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'period',
      type: 'group',
      label: label('Period', '기간'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'kind',
              type: 'select',
              label: label('Kind', '종류'),
              required: true,
              index: true,
              defaultValue: 'year',
              options: options(periodKindLabels),
              validate: validatePeriodField('kind'),
            },
            {
              name: 'year',
              type: 'number',
              label: label('Year', '연도'),
              index: true,
              admin: { condition: (_, sibling) => sibling?.kind !== 'custom' },
              validate: validatePeriodField('year'),
            },
            {
              name: 'index',
              type: 'number',
              label: label('Half, quarter or month', '반기·분기·월'),
              admin: { condition: (_, sibling) => ['half', 'quarter', 'month'].includes(sibling?.kind) },
              validate: validatePeriodField('index'),
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
              index: true,
              admin: {
                date: { pickerAppearance: 'dayOnly' },
                readOnly: false,
                description: label('Derived unless the period is custom.', '직접 지정이 아니면 자동으로 정해집니다.'),
              },
              validate: validatePeriodField('startDate'),
            },
            {
              name: 'endDate',
              type: 'date',
              label: label('End', '종료일'),
              index: true,
              admin: { date: { pickerAppearance: 'dayOnly' } },
              validate: validatePeriodField('endDate'),
            },
          ],
        },
      ],
    },
    { name: 'excerpt', type: 'textarea', label: label('Excerpt', '요약'), maxLength: 500 },
    {
      name: 'coverImage',
      type: 'upload',
      relationTo: 'media',
      label: label('Cover image', '커버 이미지'),
      ...mustExist,
    },
    {
      name: 'sections',
      type: 'array',
      label: label('Sections', '섹션'),
      labels: { singular: label('Section', '섹션'), plural: label('Sections', '섹션') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'heading', type: 'text', label: label('Heading', '제목'), required: true, maxLength: 200 },
            {
              name: 'area',
              type: 'relationship',
              relationTo: 'retrospective-areas',
              label: label('Area', '영역'),
              ...mustExist,
            },
          ],
        },
        { name: 'body', type: 'richText', editor: devlogEditor, label: label('Text', '본문') },
      ],
    },
    ...derivedContentFields(),
    {
      name: 'goals',
      type: 'array',
      label: label('Goals', '목표'),
      labels: { singular: label('Goal', '목표'), plural: label('Goals', '목표') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'text', type: 'text', label: label('Goal', '목표'), required: true, maxLength: 300 },
            {
              name: 'area',
              type: 'relationship',
              relationTo: 'retrospective-areas',
              label: label('Area', '영역'),
              ...mustExist,
            },
            {
              name: 'status',
              type: 'select',
              label: label('Status', '상태'),
              required: true,
              defaultValue: 'planned',
              options: options(goalStatusLabels),
            },
          ],
        },
        { name: 'note', type: 'textarea', label: label('Note', '메모') },
        {
          type: 'row',
          fields: [
            {
              name: 'carriedFromRetrospective',
              type: 'relationship',
              relationTo: 'retrospectives',
              label: label('Carried over from', '이어받은 회고'),
              admin: { readOnly: true, condition: (_, sibling) => Boolean(sibling?.carriedFromRetrospective) },
            },
            {
              name: 'carriedFromGoal',
              type: 'text',
              label: label('Goal id there', '원래 목표 id'),
              admin: { readOnly: true, hidden: true },
            },
          ],
        },
      ],
    },
    {
      name: 'principles',
      type: 'array',
      label: label('Principles', '원칙'),
      labels: { singular: label('Principle', '원칙'), plural: label('Principles', '원칙') },
      fields: [{ name: 'text', type: 'text', label: label('Principle', '원칙'), required: true, maxLength: 300 }],
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      label: label('Tags', '태그'),
      ...mustExist,
      admin: { position: 'sidebar' },
    },
    {
      name: 'relatedPosts',
      type: 'relationship',
      relationTo: 'posts',
      hasMany: true,
      label: label('Related posts', '관련 글'),
      ...mustExist,
    },
    ...(linkStudyGroups ? [studyLinks] : []),
    {
      name: 'navigation',
      type: 'json',
      virtual: true,
      label: label('Previous and next', '이전·다음 회고'),
      admin: { hidden: true },
      hooks: { afterRead: [retrospectiveNavigation] },
    },
    publishedAtField(),
    sourceHashField(),
  ],
})
