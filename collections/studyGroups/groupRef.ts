import { type CollectionBeforeChangeHook, type RelationshipField } from 'payload'

import { requireGroupOperatorOnWrite } from './access'
import type { Relation } from '../shared/documents'
import { idOf } from '../shared/lib/ids'
import { label } from '../shared/lib/labels'
import { mustExist } from '../shared/fields/relationships'
import { httpError } from '../shared/endpoints'
import type { GroupRow } from './types'

/** The parent row a row takes its group from. */
type Source = { field: 'cohort' | 'session' | 'membership'; collection: 'cohorts' | 'study-sessions' | 'memberships' }
type ChildRow = GroupRow & Partial<Record<Source['field'], Relation>>

/**
 * The study group a row belongs to. Access rules filter on it, so an operator's rows are found
 * with one indexed query; `copyGroupFrom` keeps it in step with the row's parent.
 */
export function groupField(): RelationshipField {
  return {
    name: 'group',
    type: 'relationship',
    relationTo: 'study-groups',
    index: true,
    admin: { readOnly: true, position: 'sidebar' },
  }
}

/** Copies the group from the parent row (cohort, session or membership) on every save. */
export function copyGroupFrom({ field, collection }: Source): CollectionBeforeChangeHook<ChildRow> {
  return async ({ data, originalDoc, req }) => {
    const parentId = idOf(data[field] ?? originalDoc?.[field])
    if (parentId === null) return data
    const parent = await req.payload.findByID({
      collection,
      id: parentId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { group: true },
      req,
    })
    if (!parent) throw httpError(`${field}: no ${collection} with id ${parentId}.`)
    return { ...data, group: idOf((parent as { group?: unknown }).group) }
  }
}

/** A row of a cohort (a membership, a session): its cohort, and the group copied from it. */
export function cohortFields(): RelationshipField[] {
  return [
    {
      name: 'cohort',
      type: 'relationship',
      relationTo: 'cohorts',
      required: true,
      index: true,
      label: label('cohort'),
      ...mustExist,
    },
    groupField(),
  ]
}

/** Keeps a cohort row's group in step, then checks the writer operates it. */
export const cohortRowHooks = [copyGroupFrom({ field: 'cohort', collection: 'cohorts' }), requireGroupOperatorOnWrite]
