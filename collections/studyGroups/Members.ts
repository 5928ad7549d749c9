import type { Access, CollectionConfig, FieldAccess, PayloadRequest, Where } from 'payload'

import { anyone, hasRole, isAdmin } from '../shared/access/roles'
import { adminOrOperator, operatedGroupIds } from './access'
import { idOf } from '../shared/lib/ids'
import { label, staticLabel } from '../shared/lib/labels'

/** Members that belong to a cohort of a group the operator runs. */
async function operatedMemberIds(req: PayloadRequest) {
  const groups = await operatedGroupIds(req)
  if (!groups.length) return []
  const { docs } = await req.payload.find({
    collection: 'memberships',
    where: { group: { in: groups } },
    select: { member: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return [...new Set(docs.map((doc) => idOf(doc.member)))]
}

const adminOperatorOrSelf: Access = async ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user) return false
  const own: Where = { user: { equals: req.user.id } }
  if (!hasRole(req.user, 'operator')) return own
  return { or: [own, { id: { in: await operatedMemberIds(req) } }, { createdBy: { equals: req.user.id } }] }
}

/** Email and phone: the member themself, admins, and the operators of the member's groups. */
const privateField: FieldAccess = async ({ req, doc }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user || !doc) return false
  const userId = typeof doc.user === 'object' ? doc.user?.id : doc.user
  if (userId !== undefined && String(userId) === String(req.user.id)) return true
  if (!hasRole(req.user, 'operator')) return false
  if (
    doc.createdBy !== undefined &&
    String(typeof doc.createdBy === 'object' ? doc.createdBy?.id : doc.createdBy) === String(req.user.id)
  )
    return true
  const cached =
    (req.context.operatedMemberIds as (number | string)[] | undefined) ??
    (req.context.operatedMemberIds = await operatedMemberIds(req))
  return (cached as (number | string)[]).some((id) => String(id) === String(doc.id))
}

export const Members: CollectionConfig = {
  slug: 'members',
  labels: { singular: label('memberMembers'), plural: label('members') },
  admin: {
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'handle', 'blogUrl'],
    group: staticLabel('studyGroups'),
  },
  access: { read: anyone, create: adminOrOperator, update: adminOperatorOrSelf, delete: isAdmin },
  hooks: {
    beforeChange: [
      ({ data, operation, req }) =>
        operation === 'create' && req.user && !data.createdBy ? { ...data, createdBy: req.user.id } : data,
    ],
  },
  fields: [
    { name: 'displayName', type: 'text', label: label('name'), required: true, maxLength: 100 },
    {
      name: 'handle',
      type: 'text',
      label: label('handle'),
      unique: true,
      index: true,
      maxLength: 40,
      validate: (value: string | null | undefined) =>
        !value || /^[a-z0-9](?:[a-z0-9_-]{0,38}[a-z0-9])?$/i.test(value)
          ? true
          : 'A handle is letters, digits, "-" or "_" (up to 40), like a GitHub login.',
    },
    {
      name: 'blogUrl',
      type: 'text',
      label: label('blog'),
      validate: (value: string | null | undefined) =>
        !value || /^https?:\/\/\S+$/.test(value) ? true : 'The blog URL must be an http(s) URL.',
    },
    { name: 'github', type: 'text', label: label('github'), maxLength: 39 },
    { name: 'bio', type: 'textarea', label: label('publicBio'), maxLength: 1000 },
    {
      name: 'email',
      type: 'email',
      label: label('emailPrivate'),
      unique: true,
      index: true,
      access: { read: privateField },
    },
    {
      name: 'phone',
      type: 'text',
      label: label('phonePrivate'),
      maxLength: 30,
      access: { read: privateField },
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      unique: true,
      label: label('signInAccount'),
      admin: {
        position: 'sidebar',
        description: label('aMemberRoleUserWho'),
      },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: ({ req }) => hasRole(req.user, 'admin', 'operator') },
    },
  ],
}
