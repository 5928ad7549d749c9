import type { CollectionConfig, Field, LabelFunction, RichTextField } from 'payload'

import { isEditor, publishedOrEditor } from '../../shared/access/roles'
import { DAY_ONLY } from '../../shared/fields/dates'
import { deriveContent, derivedContentFields } from '../../shared/fields/derivedContent'
import { publishedAtField, publishedNewestFirstIndex, setPublishedAt } from '../../shared/fields/publishedAt'
import { mustExist } from '../../shared/fields/relationships'
import { slugField } from '../../shared/fields/slug'
import { sourceHashField } from '../../shared/fields/sourceHash'
import { label, options, staticLabel } from '../../shared/lib/labels'
import { EDITORIAL_VERSIONS } from '../../shared/versions'
import type { EditorState } from '../../shared/richtext/render'
import { GOAL_STATUS_LABELS, GOAL_STATUSES, type GoalStatus } from '../constants'
import { retrospectiveEndpoints } from '../endpoints'
import type { Retrospective } from '../types'
import { carryOverGoals } from './hooks/carryOverGoals'
import { generateTitle, storeDerivedPeriod, titleFromPeriod, validatePeriodField } from './hooks/period'
import { onePublishedPerPeriod } from './hooks/uniquePeriod'
import { retrospectiveNavigation } from './navigation'

/** Each section renders as an `h2` with its heading, followed by its body. */
const sectionsAsRichText = (doc: Partial<Retrospective>): EditorState[] =>
  (doc.sections ?? []).map((section) => ({
    root: {
      type: 'root',
      children: [
        { type: 'heading', tag: 'h2', children: [{ type: 'text', text: section.heading ?? '' }] },
        ...(section.body?.root?.children ?? []),
      ],
    },
  }))

const goalStatusLabels = Object.fromEntries(
  GOAL_STATUSES.map((status) => [status, label(GOAL_STATUS_LABELS[status])]),
) as Record<GoalStatus, LabelFunction>

const periodKindLabels = {
  year: label('yearRetrospectives'),
  half: label('halfYear'),
  quarter: label('quarter'),
  month: label('month'),
  custom: label('custom'),
}

const studyLinks: Field = {
  type: 'row',
  fields: [
    {
      name: 'studyGroups',
      type: 'relationship',
      relationTo: 'study-groups',
      hasMany: true,
      label: label('studyGroupsItReviews'),
      ...mustExist,
    },
    {
      name: 'cohorts',
      type: 'relationship',
      relationTo: 'cohorts',
      hasMany: true,
      label: label('cohortsItReviews'),
      ...mustExist,
      admin: { description: label('eG3') },
    },
  ],
}

/**
 * `linkStudyGroups`: whether the study-groups feature is on, so a retrospective can name groups
 * and cohorts; `editor`: Devlog's rich-text editor (`createDevlogEditor`); `serverComponentsPath`:
 * where the admin imports Devlog's server components from (the timeline above the list).
 */
export const createRetrospectivesCollection = ({
  linkStudyGroups,
  editor,
  serverComponentsPath,
}: {
  linkStudyGroups: boolean
  editor: RichTextField['editor']
  serverComponentsPath: string
}): CollectionConfig => ({
  slug: 'retrospectives',
  labels: { singular: label('retrospective'), plural: label('retrospectives') },
  // Versions hold drafts, and drafts saved over published documents: editors only.
  access: { read: publishedOrEditor, readVersions: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'period.kind', 'period.year', '_status', 'publishedAt'],
    group: staticLabel('retrospectives'),
    components: { beforeList: [`${serverComponentsPath}#RetrospectiveTimeline`] },
  },
  defaultSort: '-period.startDate',
  indexes: [publishedNewestFirstIndex],
  versions: EDITORIAL_VERSIONS,
  hooks: {
    beforeChange: [
      setPublishedAt,
      storeDerivedPeriod,
      onePublishedPerPeriod,
      carryOverGoals,
      deriveContent<Retrospective>({ content: sectionsAsRichText, excerptField: 'excerpt' }),
    ],
  },
  endpoints: retrospectiveEndpoints,
  fields: [
    {
      name: 'title',
      type: 'text',
      label: label('title'),
      maxLength: 200,
      // Not `required`: APIs (GraphQL's input type included) must accept a retrospective without a
      // title, which the hook generates from the period.
      validate: (value: string | null | undefined, { siblingData }: { siblingData: Record<string, unknown> }) =>
        value || titleFromPeriod(siblingData, undefined) ? true : 'A title is required when the period is incomplete.',
      hooks: { beforeValidate: [generateTitle] },
      admin: { description: label('leftEmptyItIsGenerated') },
    },
    slugField({ from: 'title', fallback: titleFromPeriod }),
    {
      name: 'language',
      type: 'select',
      label: label('contentLanguage'),
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
      label: label('period'),
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'kind',
              type: 'select',
              label: label('kind'),
              required: true,
              index: true,
              defaultValue: 'year',
              options: options(periodKindLabels),
              validate: validatePeriodField('kind'),
            },
            {
              name: 'year',
              type: 'number',
              label: label('yearRetrospectives2'),
              index: true,
              admin: { condition: (_, sibling) => sibling?.kind !== 'custom' },
              validate: validatePeriodField('year'),
            },
            {
              name: 'index',
              type: 'number',
              label: label('halfQuarterOrMonth'),
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
              label: label('start'),
              index: true,
              admin: {
                date: DAY_ONLY,
                readOnly: false,
                description: label('derivedUnlessThePeriodIs'),
              },
              validate: validatePeriodField('startDate'),
            },
            {
              name: 'endDate',
              type: 'date',
              label: label('end'),
              index: true,
              admin: { date: DAY_ONLY },
              validate: validatePeriodField('endDate'),
            },
          ],
        },
      ],
    },
    { name: 'excerpt', type: 'textarea', label: label('excerpt'), maxLength: 500 },
    {
      name: 'coverImage',
      type: 'upload',
      relationTo: 'media',
      label: label('coverImage'),
      ...mustExist,
    },
    {
      name: 'sections',
      type: 'array',
      label: label('sections'),
      labels: { singular: label('section'), plural: label('sections') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'heading', type: 'text', label: label('heading'), required: true, maxLength: 200 },
            {
              name: 'area',
              type: 'relationship',
              relationTo: 'retrospective-areas',
              label: label('area'),
              ...mustExist,
            },
          ],
        },
        // In both languages: see the post's `content` label.
        { name: 'body', type: 'richText', editor, label: staticLabel('textRetrospectives') },
      ],
    },
    ...derivedContentFields(),
    {
      name: 'goals',
      type: 'array',
      label: label('goals'),
      labels: { singular: label('goal'), plural: label('goals') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'text', type: 'text', label: label('goal'), required: true, maxLength: 300 },
            {
              name: 'area',
              type: 'relationship',
              relationTo: 'retrospective-areas',
              label: label('area'),
              ...mustExist,
            },
            {
              name: 'status',
              type: 'select',
              label: label('status'),
              required: true,
              defaultValue: 'planned',
              options: options(goalStatusLabels),
            },
          ],
        },
        { name: 'note', type: 'textarea', label: label('noteRetrospectives') },
        {
          type: 'row',
          fields: [
            {
              name: 'carriedFromRetrospective',
              type: 'relationship',
              relationTo: 'retrospectives',
              label: label('carriedOverFrom'),
              admin: { readOnly: true, condition: (_, sibling) => Boolean(sibling?.carriedFromRetrospective) },
            },
            {
              name: 'carriedFromGoal',
              type: 'text',
              label: label('goalIdThere'),
              admin: { readOnly: true, hidden: true },
            },
          ],
        },
      ],
    },
    {
      name: 'principles',
      type: 'array',
      label: label('principles'),
      labels: { singular: label('principle'), plural: label('principles') },
      fields: [{ name: 'text', type: 'text', label: label('principle'), required: true, maxLength: 300 }],
    },
    {
      name: 'tags',
      type: 'relationship',
      relationTo: 'tags',
      hasMany: true,
      label: label('tags'),
      ...mustExist,
      admin: { position: 'sidebar' },
    },
    {
      name: 'relatedPosts',
      type: 'relationship',
      relationTo: 'posts',
      hasMany: true,
      label: label('relatedPosts'),
      ...mustExist,
    },
    ...(linkStudyGroups ? [studyLinks] : []),
    {
      name: 'navigation',
      type: 'json',
      virtual: true,
      label: label('previousAndNext'),
      admin: { hidden: true },
      hooks: { afterRead: [retrospectiveNavigation] },
    },
    publishedAtField(),
    sourceHashField(),
  ],
})
