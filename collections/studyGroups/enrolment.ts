import { Forbidden, type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../shared/access/roles'
import { httpError } from '../shared/endpoints'
import { idOf } from '../shared/lib/ids'
import { operatesGroup, reachesMember } from './access'
import type { Membership } from './types'

/**
 * Who may put a person in a cohort. Admins: anyone. The group's operators: people they already
 * reach (in one of their groups, or added by them); anyone else gets the answer an unknown id
 * gets, so an enrolment never reveals who exists. Everyone else: only themself, as an application
 * (`applied`, role `member`) to a cohort that has not finished, which the operators then accept.
 */
export const checkEnrolment: CollectionBeforeChangeHook<Membership> = async ({ data, originalDoc, operation, req }) => {
  if (!req.user || hasRole(req.user, 'admin')) return data
  const memberId = idOf(data.member ?? originalDoc?.member)
  const changesPerson = operation === 'create' || String(memberId) !== String(idOf(originalDoc?.member))
  if (await operatesGroup(req, data.group ?? originalDoc?.group)) {
    if (changesPerson && !(await reachesMember(req, memberId)))
      throw httpError(`member: no member with id ${memberId}.`)
    return data
  }
  if (operation !== 'create') throw new Forbidden(req.t)
  const [member, cohort] = await Promise.all([
    memberId === null
      ? null
      : req.payload.findByID({
          collection: 'members',
          id: memberId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        }),
    req.payload.findByID({
      collection: 'cohorts',
      id: idOf(data.cohort)!,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    }),
  ])
  if (!member || String(idOf(member.user)) !== String(req.user.id))
    throw httpError('member: you may apply only as yourself (your own member profile).', 403)
  if (!cohort || cohort.status === 'finished') throw httpError('cohort: this cohort is not taking applications.')
  return { ...data, role: 'member', status: 'applied' }
}
