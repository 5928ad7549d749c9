import { createHmac, timingSafeEqual } from 'node:crypto'

import type { CollectionBeforeChangeHook, Endpoint, PayloadRequest } from 'payload'

import { devlogOptions } from '../options'
import { hasRole } from '../shared/access/roles'
import { body, httpError, idParam, isIdText, json } from '../shared/endpoints'
import { idOf } from '../shared/lib/ids'
import { reachesMember } from './access'
import type { Member } from './types'

/** How long an invitation to claim a member profile stays good. */
const INVITATION_DAYS = 14
/** Where the admin shows an invitation to its person (`ClaimMemberView`). */
export const CLAIM_VIEW_PATH = '/claim-member'
/** Set on the request context by `claimMember`, the one non-admin path that links an account. */
const CLAIMING = 'devlogClaimingMember'

/**
 * An invitation is signed rather than stored (so any instance, on any database, checks it): the
 * profile's id and the invitation's expiry, with an HMAC under the server's secret over them and
 * the profile's email. Changing the email withdraws it; linking the profile uses it up.
 */
function invitationToken(secret: string, member: string | number, email: string, expires: number) {
  const signature = createHmac('sha256', secret)
    .update(`devlog-member-invitation:${member}:${email.toLowerCase()}:${expires}`)
    .digest('base64url')
  return `${member}.${expires}.${signature}`
}

const INVITATION_SHAPE = /^([\w-]{1,40})\.(\d{1,12})\.([\w-]{43})$/

/**
 * How a member profile comes to belong to a sign-in account. A person makes their own profile
 * (linked to them); a profile an operator made (from a roster) is linked when its person claims it
 * with the invitation sent to the profile's email; an admin links any. Nobody else sets `user`: an
 * operator who attached a profile to someone's account would reach that person's private fields,
 * and the refusal of a second profile would tell who has one.
 */
export const guardAccountLink: CollectionBeforeChangeHook<Member> = ({ data, originalDoc, operation, req }) => {
  if (!req.user || hasRole(req.user, 'admin') || req.context[CLAIMING] || !('user' in data)) return data
  const wanted = idOf(data.user)
  if (String(wanted) === String(idOf(originalDoc?.user))) return data
  const ownNewProfile = operation === 'create' && (wanted === null || String(wanted) === String(req.user.id))
  if (ownNewProfile) return data
  throw httpError(
    "user: only an admin links a member profile to someone's account; invite the member to claim it instead.",
    403,
  )
}

/** Sends the member an invitation to claim their profile, by email; answers where it went. */
async function inviteMember(req: PayloadRequest, memberId: number | string) {
  if (!req.user || !(await reachesMember(req, memberId))) throw httpError(`member: no member with id ${memberId}.`, 404)
  const member = await req.payload.findByID({ collection: 'members', id: memberId, depth: 0, overrideAccess: true })
  if (idOf(member.user) !== null) throw httpError('user: this profile already belongs to an account.', 409)
  if (!member.email) throw httpError('email: the profile has no email address to send the invitation to.')
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000)
  const token = invitationToken(req.payload.secret, member.id, member.email, Math.floor(expiresAt.getTime() / 1000))
  const { site } = devlogOptions(req.payload.config)
  const link = `${site.serverURL}${req.payload.config.routes.admin}${CLAIM_VIEW_PATH}?token=${token}`
  await req.payload.sendEmail({
    to: member.email,
    subject: `[${site.title}] 스터디 멤버 프로필 연결 · Link your study member profile`,
    text: [
      `${member.displayName}님, ${site.title}의 스터디 운영진이 멤버 프로필을 만들었습니다.`,
      `로그인한 뒤 아래 링크에서 프로필을 계정에 연결하세요 (${INVITATION_DAYS}일 동안 유효):`,
      link,
      '',
      `${member.displayName}, a study operator at ${site.title} made a member profile for you.`,
      `Sign in and open this link to link it to your account (good for ${INVITATION_DAYS} days):`,
      link,
      '',
      '이 메일을 기다리지 않았다면 무시하세요. · If you did not expect this, ignore it.',
    ].join('\n'),
  })
  return { invited: true, email: member.email, expiresAt: expiresAt.toISOString() }
}

/** Links the profile an invitation names to the signed-in account; a linked profile takes none. */
async function claimMember(req: PayloadRequest) {
  if (!req.user) throw httpError('Sign in first: the profile is linked to the account you are signed in with.', 401)
  const { token } = await body<{ token: unknown }>(req)
  const refused = () =>
    httpError('token: the invitation is not valid, used or expired; ask the operator for a new one.', 410)
  const parts = typeof token === 'string' ? INVITATION_SHAPE.exec(token) : null
  if (!parts || Number(parts[2]) * 1000 < Date.now() || !isIdText(req, parts[1], 'members')) throw refused()
  const member = await req.payload.db.findOne<Member>({
    collection: 'members',
    where: { id: { equals: parts[1] } },
    req,
  })
  if (!member?.email || idOf(member.user) !== null) throw refused()
  const expected = Buffer.from(invitationToken(req.payload.secret, member.id, member.email, Number(parts[2])))
  const given = Buffer.from(token as string)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused()
  const own = await req.payload.count({ collection: 'members', where: { user: { equals: req.user.id } } })
  if (own.totalDocs) throw httpError('user: your account already has a member profile.', 409)
  const { docs } = await req.payload.update({
    collection: 'members',
    where: { and: [{ id: { equals: member.id } }, { user: { exists: false } }] },
    data: { user: req.user.id },
    depth: 0,
    overrideAccess: true,
    context: { [CLAIMING]: true },
    req,
  })
  if (!docs.length) throw refused()
  return { member: { id: docs[0].id, displayName: docs[0].displayName } }
}

export const memberAccountEndpoints: Endpoint[] = [
  { path: '/:id/invite', method: 'post', handler: json((req) => inviteMember(req, idParam(req))) },
  { path: '/claim', method: 'post', handler: json(claimMember) },
]
