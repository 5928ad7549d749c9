import { parse } from 'csv-parse/sync'
import type { PayloadRequest, Where } from 'payload'

import { hasRole } from '../../shared/access/roles'
import { MEMBERSHIP_ROLES, type MembershipRole } from '../constants'
import { idOf, idsOf } from '../../shared/lib/ids'
import { reachableMemberIds } from '../access'
import { loadCohortForRoster } from './board'
import { httpError } from '../../shared/endpoints'
import type { Id } from '../../shared/documents'
import { inTransaction } from '../../shared/transactions'

export type ImportRow = {
  line: number
  name: string
  handle: string | null
  email: string | null
  blogUrl: string | null
  role: MembershipRole
}
export type PlannedRow = ImportRow & {
  member: 'create' | 'update'
  membership: 'create' | 'update' | 'unchanged'
  memberId: Id | null
}
export type RowError = { line: number; reason: string }
export type ImportReport = {
  dryRun: boolean
  applied: boolean
  rows: PlannedRow[]
  errors: RowError[]
  counts: { create: number; update: number; unchanged: number }
}

/** Column names as operators write them, in English or Korean. */
const HEADER_ALIASES: Record<string, keyof Omit<ImportRow, 'line'>> = {
  name: 'name',
  displayname: 'name',
  이름: 'name',
  handle: 'handle',
  핸들: 'handle',
  github: 'handle',
  email: 'email',
  이메일: 'email',
  blogurl: 'blogUrl',
  blog: 'blogUrl',
  블로그: 'blogUrl',
  role: 'role',
  역할: 'role',
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const HANDLE = /^[a-z0-9](?:[a-z0-9_-]{0,38}[a-z0-9])?$/i

/** Parses and checks every row; never stops at the first bad one. */
export function parseRosterCsv(csv: string): { rows: ImportRow[]; errors: RowError[] } {
  let records: string[][]
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][]
  } catch (error) {
    throw httpError(`The CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`)
  }
  const [header, ...body] = records
  if (!header) throw httpError('The CSV is empty: it needs a header row (name, handle, email, blogUrl, role).')
  const columns = header.map((cell) => HEADER_ALIASES[cell.toLowerCase().replace(/[\s_-]/g, '')])
  if (!columns.includes('name')) throw httpError('The CSV header needs a "name" column.')

  const rows: ImportRow[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  body.forEach((cells, index) => {
    const line = index + 2
    const value = (key: keyof Omit<ImportRow, 'line'>) => {
      const column = columns.indexOf(key)
      const cell = column === -1 ? '' : (cells[column] ?? '').trim()
      return cell === '' ? null : cell
    }
    const name = value('name')
    const handle = value('handle')?.replace(/^@/, '') ?? null
    const email = value('email')?.toLowerCase() ?? null
    const blogUrl = value('blogUrl')
    const role = (value('role')?.toLowerCase() ?? 'member') as MembershipRole
    const reasons: string[] = []
    if (!name) reasons.push('name is empty')
    if (email && !EMAIL.test(email)) reasons.push(`email "${email}" is not an email address`)
    if (handle && !HANDLE.test(handle)) reasons.push(`handle "${handle}" may hold only letters, digits, "-" and "_"`)
    if (blogUrl && !/^https?:\/\/\S+$/.test(blogUrl)) reasons.push(`blogUrl "${blogUrl}" is not an http(s) URL`)
    if (!MEMBERSHIP_ROLES.includes(role)) reasons.push(`role "${role}" is not one of ${MEMBERSHIP_ROLES.join(', ')}`)
    if (!email && !handle) reasons.push('a row needs an email or a handle to recognise the person')
    for (const key of [email && `email:${email}`, handle && `handle:${handle.toLowerCase()}`].filter(
      Boolean,
    ) as string[]) {
      const first = seen.get(key)
      if (first) reasons.push(`${key.split(':')[0]} repeats line ${first}`)
      else seen.set(key, line)
    }
    if (reasons.length) errors.push({ line, reason: reasons.join('; ') })
    else rows.push({ line, name: name!, handle, email, blogUrl, role })
  })
  return { rows, errors }
}

/**
 * Imports a roster into a cohort. A dry run reports what would be created or updated and every
 * bad row; an apply does all of it in one transaction, and refuses to start while any row is bad.
 */
export async function importRoster(
  req: PayloadRequest,
  cohortId: Id,
  csv: string,
  dryRun: boolean,
): Promise<ImportReport> {
  const { cohort } = await loadCohortForRoster(req, cohortId)
  const { rows, errors } = parseRosterCsv(csv)
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const

  const emails = rows.map((row) => row.email).filter(Boolean) as string[]
  const handles = rows.map((row) => row.handle).filter(Boolean) as string[]
  // An operator matches only people they already reach; anyone else in a row is a new person.
  const reach: Where[] = hasRole(req.user, 'admin') ? [] : [{ id: { in: await reachableMemberIds(req) } }]
  const existingMembers = rows.length
    ? await req.payload.find({
        collection: 'members',
        where: {
          and: [
            ...reach,
            {
              or: [
                ...(emails.length ? [{ email: { in: emails } }] : []),
                ...(handles.length ? [{ handle: { in: handles } }] : []),
              ],
            },
          ],
        },
        select: { email: true, handle: true },
        ...common,
      })
    : { docs: [] }
  // Handles are public and unique: one held by someone out of reach cannot be given to a new person.
  const takenHandles = new Set(
    (reach.length && handles.length
      ? await req.payload.find({
          collection: 'members',
          where: {
            and: [
              { handle: { in: handles } },
              ...(existingMembers.docs.length ? [{ id: { not_in: idsOf(existingMembers.docs) } }] : []),
            ],
          },
          select: { handle: true },
          ...common,
        })
      : { docs: [] }
    ).docs.map((member) => String(member.handle).toLowerCase()),
  )
  const byEmail = new Map(
    existingMembers.docs.filter((member) => member.email).map((member) => [String(member.email).toLowerCase(), member]),
  )
  const byHandle = new Map(
    existingMembers.docs
      .filter((member) => member.handle)
      .map((member) => [String(member.handle).toLowerCase(), member]),
  )
  const memberships = await req.payload.find({
    collection: 'memberships',
    where: { cohort: { equals: cohort.id } },
    select: { member: true, role: true },
    ...common,
  })
  const membershipByMember = new Map(
    memberships.docs.map((membership) => [String(idOf(membership.member)), membership]),
  )

  const planned: PlannedRow[] = []
  for (const row of rows) {
    const matchByEmail = row.email ? byEmail.get(row.email) : undefined
    const matchByHandle = row.handle ? byHandle.get(row.handle.toLowerCase()) : undefined
    if (matchByEmail && matchByHandle && matchByEmail.id !== matchByHandle.id) {
      errors.push({
        line: row.line,
        reason: `email and handle belong to two different members (${matchByEmail.id}, ${matchByHandle.id})`,
      })
      continue
    }
    const existing = matchByEmail ?? matchByHandle
    if (!existing && row.handle && takenHandles.has(row.handle.toLowerCase())) {
      errors.push({ line: row.line, reason: `handle "${row.handle}" is taken by another member` })
      continue
    }
    const membership = existing ? membershipByMember.get(String(existing.id)) : undefined
    planned.push({
      ...row,
      memberId: existing?.id ?? null,
      member: existing ? 'update' : 'create',
      membership: !membership ? 'create' : membership.role === row.role ? 'unchanged' : 'update',
    })
  }
  errors.sort((a, b) => a.line - b.line)
  const counts = {
    create: planned.filter((row) => row.member === 'create').length,
    update: planned.filter((row) => row.member === 'update').length,
    unchanged: planned.filter((row) => row.membership === 'unchanged').length,
  }
  if (dryRun || errors.length) return { dryRun, applied: false, rows: planned, errors, counts }

  await inTransaction(req, async () => {
    for (const row of planned) {
      const memberData = {
        displayName: row.name,
        ...(row.handle ? { handle: row.handle } : {}),
        ...(row.email ? { email: row.email } : {}),
        ...(row.blogUrl ? { blogUrl: row.blogUrl } : {}),
      }
      const member = row.memberId
        ? await req.payload.update({
            collection: 'members',
            id: row.memberId,
            data: memberData,
            overrideAccess: true,
            req,
          })
        : await req.payload.create({
            collection: 'members',
            data: { ...memberData, createdBy: req.user?.id },
            overrideAccess: true,
            req,
          })
      const membership = membershipByMember.get(String(member.id))
      if (!membership) {
        await req.payload.create({
          collection: 'memberships',
          data: { member: member.id, cohort: cohort.id, role: row.role, status: 'active' },
          overrideAccess: true,
          req,
        })
      } else if (row.membership === 'update') {
        await req.payload.update({
          collection: 'memberships',
          id: membership.id,
          data: { role: row.role },
          overrideAccess: true,
          req,
        })
      }
    }
  })
  return { dryRun, applied: true, rows: planned, errors, counts }
}
