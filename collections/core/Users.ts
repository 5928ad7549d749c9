import type { CollectionConfig, FieldHook, LabelFunction } from 'payload'

import {
  anyone,
  hasRole,
  isAdmin,
  isAdminField,
  isAdminOrSelf,
  isAdminOrSelfField,
  ROLES,
  type Role,
} from '../shared/access/roles'
import { label } from '../shared/lib/labels'
import type { User } from './types'

const roleLabels: Record<Role, LabelFunction> = {
  admin: label('admin'),
  editor: label('editor'),
  operator: label('operator'),
  member: label('memberUsers'),
}

/** The first account ever created becomes an admin; otherwise a new account is a plain member. */
const defaultRoles: FieldHook<User, Role[] | null | undefined> = async ({ value, operation, req }) => {
  if (operation !== 'create') return value
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return ['admin']
  return Array.isArray(value) && value.length > 0 ? value : ['member']
}

/** A name from the email's local part when none is given, so every picker shows a name. */
const nameFromEmail: FieldHook<User, string | null | undefined> = ({ value, data, originalDoc }) => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  const email = data?.email ?? originalDoc?.email
  return typeof email === 'string' && email.includes('@') ? email.slice(0, email.indexOf('@')).toLowerCase() : value
}

/**
 * Users are the blog's authors, so their public profile (name, bio, avatar, links) is readable by
 * anyone; email and roles only by the user themself and admins.
 */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('user'), plural: label('users') },
  // No account-wide lockout after failed logins: it let anyone lock the owner out. Failed logins
  // are throttled per address and account instead (core/throttle.ts).
  auth: { maxLoginAttempts: 0 },
  admin: {
    // Pickers (authors, operators) show names; emails are private.
    useAsTitle: 'name',
    defaultColumns: ['name', 'roles'],
    listSearchableFields: ['name', 'email'],
  },
  // An author shown on a post: the public profile only.
  defaultPopulate: { name: true, bio: true, avatar: true, links: true },
  access: {
    read: anyone,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Any role may sign in to the admin; what each sees there follows the collection rules.
    admin: ({ req }) => hasRole(req.user, ...ROLES),
  },
  fields: [
    // Merged into Payload's own email field: only its read access changes. Left out of the field
    // list because the admin shows the account's email above it: the first-user form, built
    // without a user who may read this field, listed it a second time.
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      access: { read: isAdminOrSelfField },
      admin: { disabled: true },
    },
    {
      name: 'name',
      type: 'text',
      label: label('displayName'),
      maxLength: 100,
      hooks: { beforeValidate: [nameFromEmail] },
    },
    {
      name: 'roles',
      type: 'select',
      label: label('roles'),
      hasMany: true,
      options: ROLES.map((role) => ({ value: role, label: roleLabels[role] })),
      defaultValue: ['member'],
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField, read: isAdminOrSelfField },
      hooks: { beforeChange: [defaultRoles] },
      // Not on the first-user form: the first account is always an admin.
      admin: { position: 'sidebar', condition: (_data, _siblingData, { user }) => Boolean(user) },
    },
    { name: 'bio', type: 'textarea', label: label('bio'), maxLength: 1000 },
    { name: 'avatar', type: 'upload', relationTo: 'media', label: label('avatar') },
    {
      name: 'links',
      type: 'array',
      label: label('links'),
      labels: { singular: label('link'), plural: label('links') },
      maxRows: 10,
      fields: [
        { name: 'label', type: 'text', label: label('label'), required: true, maxLength: 50 },
        {
          name: 'url',
          type: 'text',
          label: label('url'),
          required: true,
          validate: (value: string | null | undefined) => {
            try {
              return value && /^https?:$/.test(new URL(value).protocol) ? true : 'A link must be an http(s) URL.'
            } catch {
              return 'A link must be an absolute http(s) URL.'
            }
          },
        },
      ],
    },
  ],
}
