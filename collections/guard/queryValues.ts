import { type CollectionBeforeOperationHook, type FlattenedField, type PayloadRequest, type Where } from 'payload'
import { validOperatorSet } from 'payload/shared'

import { httpError, ID_SHAPE, isIdText } from '../shared/endpoints'
import { fieldsOnPath } from './queries'

const LISTS = new Set(['in', 'not_in', 'all'])
const GEO = new Set(['near', 'within', 'intersects'])
const RANGES = new Set(['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'])

const badRequest = (message: string) => httpError(message, 400)

/**
 * What one operand must be for a field: an id the database could hold for ids and references
 * (`idsOf`: the collection they belong to, when it is one), numbers for numbers, dates for dates.
 */
function operandProblem(
  field: FlattenedField | 'id',
  operand: unknown,
  req: PayloadRequest,
  idsOf: string | undefined,
): string | null {
  if (operand === null || operand === 'null') return null
  if (typeof operand === 'object') return 'takes one value here, not a list or an object'
  const text = String(operand)
  const numeric = () => (Number.isFinite(Number(text)) && text.trim() !== '' ? null : 'must be a finite number')
  const id = () => (isIdText(req, text, idsOf) ? null : `must be ${ID_SHAPE(req)}`)
  if (field === 'id') return id()
  if (field.type === 'number') return numeric()
  if (field.type === 'relationship' || field.type === 'upload') return id()
  if (field.type === 'date') return Number.isNaN(Date.parse(text)) ? 'must be a date (ISO 8601)' : null
  return null
}

function whereProblems(where: Where, fields: FlattenedField[], req: PayloadRequest, collection: string): string[] {
  const problems: string[] = []
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push('where: each condition must be an object such as where[title][equals]=…')
      return
    }
    for (const [path, condition] of Object.entries(node)) {
      if (path === 'and' || path === 'or') {
        if (!Array.isArray(condition)) problems.push(`where[${path}] must be a list of conditions`)
        else condition.forEach(visit)
        continue
      }
      if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
        problems.push(`where[${path}] needs an operator, such as where[${path}][equals]=…`)
        continue
      }
      // The field the operands are compared with: the path's own field, or a document's id.
      const trail = fieldsOnPath(fields, path, req)
      const segments = path.split('.').filter((segment) => !/^\d+$/.test(segment))
      const field: FlattenedField | 'id' | undefined =
        trail.length === segments.length
          ? trail.at(-1)
          : segments.at(-1) === 'id' && trail.length === segments.length - 1
            ? 'id'
            : undefined
      for (const [operator, operand] of Object.entries(condition as Record<string, unknown>)) {
        const where = `where[${path}][${operator}]`
        if (!validOperatorSet.has(operator as never)) {
          problems.push(`${where}: "${operator}" is not an operator`)
          continue
        }
        if (GEO.has(operator)) {
          if (field === 'id' || field?.type !== 'point')
            problems.push(`${where}: ${operator} works on point fields only`)
          continue
        }
        if (operator === 'exists') {
          if (!['true', 'false', true, false].includes(operand as string))
            problems.push(`${where} must be true or false`)
          continue
        }
        if (!field) continue
        if (operator === 'all' && (field === 'id' || !('hasMany' in field && field.hasMany))) {
          problems.push(`${where}: all works on fields holding several values only`)
          continue
        }
        // Whose ids the operands are: the queried collection's, or a relationship's single target.
        const idsOf =
          field === 'id'
            ? trail.length === 0
              ? collection
              : undefined
            : 'relationTo' in field && typeof field.relationTo === 'string'
              ? field.relationTo
              : undefined
        const operands = LISTS.has(operator)
          ? Array.isArray(operand)
            ? operand
            : String(operand).split(',')
          : [operand]
        for (const single of operands) {
          const problem = operandProblem(field, single, req, idsOf)
          if (problem) {
            problems.push(`${where} ${problem}`)
            break
          }
        }
        if (RANGES.has(operator) && field !== 'id' && !['number', 'date', 'text', 'email'].includes(field.type))
          problems.push(`${where}: ${operator} compares numbers, dates and text only`)
      }
    }
  }
  visit(where)
  return problems
}

function wholeNumberProblem(name: string, value: unknown, min: number, max: number): string | null {
  if (value === undefined) return null
  const number = typeof value === 'number' ? value : Number(value)
  return Number.isSafeInteger(number) && number >= min && number <= max
    ? null
    : `${name} must be a whole number from ${min} to ${max}, got "${String(value).slice(0, 20)}"`
}

/** The most documents one page may hold; `limit=0` (every document) is for signed-in users only. */
const MAX_LIMIT = 1_000
/** Pages past this are past any collection (and keep the database's offset within its integers). */
const MAX_PAGE = 1_000_000_000

/**
 * `limit`, `page` and `depth` are whole numbers, and every `where` condition names a real
 * operator with operands its field can compare (numbers, ids, dates): anything else is a 400
 * naming the parameter, not a database error.
 */
export const refuseMalformedQueries: CollectionBeforeOperationHook = ({ args, collection, req, overrideAccess }) => {
  if (overrideAccess) return args
  const { where, limit, page, depth } = args as { where?: unknown; limit?: unknown; page?: unknown; depth?: unknown }
  const problems = [
    // The bounds are for what clients ask; Devlog's own reads (a sitemap page) ask what they need.
    req.payloadAPI === 'local'
      ? wholeNumberProblem('limit', limit, 0, Number.MAX_SAFE_INTEGER)
      : wholeNumberProblem('limit', limit, req.user ? 0 : 1, MAX_LIMIT),
    wholeNumberProblem('page', page, 1, MAX_PAGE),
    // Past the config's `maxDepth` Payload would cap it silently: a refusal says so.
    wholeNumberProblem('depth', depth, 0, req.payload.config.maxDepth),
  ].filter((problem): problem is string => problem !== null)
  if (where !== undefined && where !== null)
    problems.push(...whereProblems(where as Where, collection.flattenedFields, req, collection.slug))
  if (problems.length) throw badRequest(problems.join('; '))
  return args
}
