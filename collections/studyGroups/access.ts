import {
  Forbidden,
  type Access,
  type CollectionBeforeChangeHook,
  type FieldAccess,
  type PayloadRequest,
  type Where,
} from 'payload'

import { idOf } from '../shared/lib/ids'
import { hasRole } from '../shared/access/roles'
import type { GroupRow } from './types'
import type { Id } from '../shared/documents'

/**
 * The groups the signed-in user operates: those listing them as an operator, and the sub-studies
 * of those (the operators of a program run its sub-studies too). Computed once per request.
 */
export async function operatedGroupIds(req: PayloadRequest): Promise<Id[]> {
  if (!req.user) return []
  const cached = req.context.operatedGroupIds as Id[] | undefined
  if (cached) return cached
  const common = {
    collection: 'study-groups' as const,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { slug: true },
  } as const
  const direct = await req.payload.find({ ...common, where: { operators: { contains: req.user.id } }, req })
  const directIds = direct.docs.map((doc) => doc.id)
  const children = directIds.length
    ? await req.payload.find({ ...common, where: { parent: { in: directIds } }, req })
    : { docs: [] }
  const ids = [...new Set([...directIds, ...children.docs.map((doc) => doc.id)])]
  req.context.operatedGroupIds = ids
  return ids
}

export async function operatesGroup(req: PayloadRequest, groupId: unknown): Promise<boolean> {
  if (hasRole(req.user, 'admin')) return true
  const id = idOf(groupId)
  if (id === null || !hasRole(req.user, 'operator')) return false
  return (await operatedGroupIds(req)).some((operated) => String(operated) === String(id))
}

/**
 * The people an operator may see and manage: those in a cohort of a group the operator runs (who
 * joined by their own application or were enrolled by an admin or by an operator who could already
 * reach them) and those the operator added. Nobody else's existence or private fields.
 */
export async function reachableMemberIds(req: PayloadRequest): Promise<Id[]> {
  if (!req.user) return []
  const cached = req.context.reachableMemberIds as Id[] | undefined
  if (cached) return cached
  const groups = await operatedGroupIds(req)
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const [enrolled, added] = await Promise.all([
    groups.length
      ? req.payload.find({
          collection: 'memberships',
          where: { group: { in: groups } },
          select: { member: true },
          ...common,
        })
      : { docs: [] },
    req.payload.find({
      collection: 'members',
      where: { createdBy: { equals: req.user.id } },
      select: { createdBy: true },
      ...common,
    }),
  ])
  const ids = [...new Set([...enrolled.docs.map((doc) => idOf(doc.member)!), ...added.docs.map((doc) => doc.id)])]
  req.context.reachableMemberIds = ids
  return ids
}

export async function reachesMember(req: PayloadRequest, memberId: unknown): Promise<boolean> {
  if (hasRole(req.user, 'admin')) return true
  const id = idOf(memberId)
  if (!req.user || id === null || !hasRole(req.user, 'operator')) return false
  if ((await reachableMemberIds(req)).some((reachable) => String(reachable) === String(id))) return true
  // Added within this request (an import), after the reachable ids were computed.
  const member = await req.payload.findByID({
    collection: 'members',
    id,
    depth: 0,
    select: { createdBy: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return member !== null && String(idOf(member.createdBy)) === String(req.user.id)
}

/** Admins: everything. Operators: the rows of the groups they operate (by the row's `group`). */
export const adminOrGroupOperator =
  (groupPath = 'group'): Access =>
  async ({ req }) => {
    if (hasRole(req.user, 'admin')) return true
    if (!hasRole(req.user, 'operator')) return false
    return { [groupPath]: { in: await operatedGroupIds(req) } } satisfies Where
  }

/** Create access cannot filter rows: operators may try, and `assertOperatesGroup` checks the group. */
export const adminOrOperator: Access = ({ req }) => hasRole(req.user, 'admin', 'operator')

/** Throws 403 unless the user may manage the given group. Used where access cannot filter (creates). */
export async function assertOperatesGroup(req: PayloadRequest, groupId: unknown) {
  if (req.user && !(await operatesGroup(req, groupId))) throw new Forbidden(req.t)
}

/** Private group fields (money): admins and the group's operators. */
export const groupOperatorField: FieldAccess = async ({ req, doc, id }) => {
  if (hasRole(req.user, 'admin')) return true
  const groupId = doc?.id ?? id
  return groupId !== undefined && (await operatesGroup(req, groupId))
}

/** A field of a roster row (session, submission) only its group's operators and admins read or change. */
export const rowGroupOperatorField: FieldAccess<GroupRow> = async ({ req, doc }) =>
  hasRole(req.user, 'admin') || (doc?.group !== undefined && (await operatesGroup(req, doc.group)))

/**
 * On create (where access cannot filter rows) and when a row moves: the user must operate the
 * row's group. The group is known by then: set directly, or copied from the parent row.
 */
export const requireGroupOperatorOnWrite: CollectionBeforeChangeHook<GroupRow> = async ({
  data,
  originalDoc,
  req,
  operation,
}) => {
  if (!req.user || hasRole(req.user, 'admin')) return data
  const group = data.group ?? originalDoc?.group
  if (operation === 'create' || String(idOf(group)) !== String(idOf(originalDoc?.group)))
    await assertOperatesGroup(req, group)
  return data
}
