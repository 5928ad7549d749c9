import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export const ROLES = ['admin', 'editor', 'operator', 'member'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = PayloadRequest['user'] | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  const userRoles = (user as { roles?: unknown } | null | undefined)?.roles
  return Array.isArray(userRoles) && userRoles.some((role) => roles.includes(role as Role))
}

export const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin')

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** Editors and admins write blog content. */
export const isEditor: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')

export const isEditorRequest = ({ req }: { req: PayloadRequest }) => hasRole(req.user, 'admin', 'editor')

export const anyone: Access = () => true

export const signedIn: Access = ({ req }) => Boolean(req.user)

export const isAdminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (!req.user) return false
  return { id: { equals: req.user.id } } satisfies Where
}

export const isAdminOrSelfField: FieldAccess = ({ req, id }) =>
  hasRole(req.user, 'admin') || (req.user != null && id != null && String(req.user.id) === String(id))

/** Readers see published documents; editors and admins see drafts too. */
export const publishedOrEditor: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  return { _status: { equals: 'published' } } satisfies Where
}
