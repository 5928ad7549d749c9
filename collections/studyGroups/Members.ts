import type { Access, CollectionBeforeChangeHook, CollectionConfig, FieldAccess, Where } from 'payload'

import { anyone, hasRole, isAdmin, isAdminField, signedIn } from '../shared/access/roles'
import { reachableMemberIds, reachesMember } from './access'
import type { Member } from './types'
import { idOf } from '../shared/lib/ids'
import { label, staticLabel } from '../shared/lib/labels'
import { feedHealthField } from './feeds/health'
import { guardAccountLink } from './memberAccounts'

/**
 * Records who added a member (an operator reaches the people they added). Anyone but an admin or
 * an operator creates only their own profile, linked to their account.
 */
const stampCreator: CollectionBeforeChangeHook<Member> = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user) return data
  const stamped = { ...data, createdBy: data.createdBy ?? req.user.id }
  return hasRole(req.user, 'admin', 'operator') ? stamped : { ...stamped, user: req.user.id }
}

const adminOperatorOrSelf: Access = async ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user) return false
  const own: Where = { user: { equals: req.user.id } }
  if (!hasRole(req.user, 'operator')) return own
  return { or: [own, { id: { in: await reachableMemberIds(req) } }] }
}

/** Email, phone and the sign-in account: the member themself, admins, and operators who reach the member. */
const privateField: FieldAccess<Member> = async ({ req, doc }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user || !doc) return false
  const userId = idOf(doc.user)
  if (userId !== null && String(userId) === String(req.user.id)) return true
  return reachesMember(req, doc.id)
}

/** `componentsPath`: the module the admin imports Devlog's client components from. */
export const createMembersCollection = ({ componentsPath }: { componentsPath: string }): CollectionConfig => ({
  slug: 'members',
  labels: { singular: label('memberMembers'), plural: label('members') },
  admin: {
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'handle', 'blogUrl'],
    group: staticLabel('studyGroups'),
  },
  // Anyone signed in may create their own profile (to apply to a cohort); operators add others.
  access: { read: anyone, create: signedIn, update: adminOperatorOrSelf, delete: isAdmin },
  hooks: { beforeChange: [stampCreator, guardAccountLink] },
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
    {
      name: 'feedUrl',
      type: 'text',
      label: label('blogFeed'),
      admin: { description: label('blogFeedDescription') },
      validate: (value: string | null | undefined) =>
        !value || /^https?:\/\/\S+$/.test(value) ? true : 'The feed URL must be an http(s) URL.',
    },
    feedHealthField(privateField, `${componentsPath}#FeedCheckButton`),
    { name: 'github', type: 'text', label: label('github'), maxLength: 39 },
    { name: 'bio', type: 'textarea', label: label('publicBio'), maxLength: 1000 },
    {
      name: 'email',
      type: 'email',
      label: label('emailPrivate'),
      // Not unique: an operator's import adds its own record of a person rather than learn, from a
      // refusal, that someone outside the operator's groups has this email.
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
      name: 'remindersOptOut',
      type: 'checkbox',
      label: label('remindersOptOut'),
      defaultValue: false,
      access: { read: privateField },
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      unique: true,
      label: label('signInAccount'),
      access: { read: privateField },
      admin: {
        position: 'sidebar',
        description: label('aMemberRoleUserWho'),
      },
    },
    {
      name: 'invite',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: `${componentsPath}#InviteMemberButton` } },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: label('createdBy'),
      admin: { readOnly: true, position: 'sidebar' },
      // Set to the creating user by the hook above; only admins change it (it grants an operator reach).
      access: { read: ({ req }) => hasRole(req.user, 'admin', 'operator'), create: isAdminField, update: isAdminField },
    },
  ],
})
