import type { CollectionConfig, FieldHook } from 'payload'

import {
  hasRole,
  isAdmin,
  isAdminField,
  isAdminOrSelf,
  isAdminOrSelfField,
  ROLES,
  type Role,
} from '../src/access/roles'
import { label } from '../src/lib/labels'

const roleLabels: Record<Role, { en: string; ko: string }> = {
  admin: label('Admin', '관리자'),
  editor: label('Editor', '편집자'),
  operator: label('Operator', '운영진'),
  member: label('Member', '멤버'),
}

/** The first account ever created becomes an admin; otherwise a new account is a plain member. */
const defaultRoles: FieldHook = async ({ value, operation, req }) => {
  if (operation !== 'create') return value
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return ['admin']
  return Array.isArray(value) && value.length > 0 ? value : ['member']
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('User', '사용자'), plural: label('Users', '사용자') },
  auth: true,
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
  },
  access: {
    read: isAdminOrSelf,
    create: isAdmin,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Any role may sign in to the admin; what each sees there follows the collection rules.
    admin: ({ req }) => hasRole(req.user, ...ROLES),
  },
  fields: [
    { name: 'name', type: 'text', label: label('Name', '이름') },
    {
      name: 'roles',
      type: 'select',
      label: label('Roles', '역할'),
      hasMany: true,
      options: ROLES.map((role) => ({ value: role, label: roleLabels[role] })),
      defaultValue: ['member'],
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField, read: isAdminOrSelfField },
      hooks: { beforeChange: [defaultRoles] },
      admin: { position: 'sidebar' },
    },
  ],
}
