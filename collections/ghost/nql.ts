import nql from '@tryghost/nql'
import type { Where } from 'payload'

import { GhostError } from './errors'

/**
 * Ghost's NQL filters (`tag:kubernetes+featured:true`, `published_at:>'2024-01-01'`,
 * `slug:-[a,b]`), parsed by Ghost's own `@tryghost/nql` into its Mongo-style query and translated
 * into a Payload `where` over the fields each resource allows. Anything that cannot be mapped is
 * a 400, never a query that silently matches something else.
 */

type Operator =
  | 'equals'
  | 'not_equals'
  | 'greater_than'
  | 'greater_than_equal'
  | 'less_than'
  | 'less_than_equal'
  | 'in'
  | 'not_in'
  | 'contains'

/** How one Ghost field is queried: a Payload path and how its values are read, or a resolver of its own. */
export type FilterField =
  | { path: string; value: 'text' | 'boolean' | 'date' | 'id' }
  | { resolve: (operator: Operator, values: unknown[]) => Promise<Where> | Where }

export type FilterFields = Record<string, FilterField>

const MONGO_OPERATORS: Record<string, Operator> = {
  $ne: 'not_equals',
  $gt: 'greater_than',
  $gte: 'greater_than_equal',
  $lt: 'less_than',
  $lte: 'less_than_equal',
  $in: 'in',
  $nin: 'not_in',
}

const badFilter = (message: string) => new GhostError('BadRequestError', `filter: ${message}`, 'INVALID_FILTER')

/** A stored date from NQL's `'2024-01-01'` or its relative dates (`now-30d` becomes `2026-11-01 06:59:32`, UTC). */
function dateValue(value: unknown): string {
  const text = String(value)
  const date = new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? `${text.replace(' ', 'T')}Z` : text)
  if (Number.isNaN(date.getTime())) throw badFilter(`"${text}" is not a date.`)
  return date.toISOString()
}

function convert(kind: 'text' | 'boolean' | 'date' | 'id', value: unknown): unknown {
  if (value === null) return null
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') throw badFilter(`"${String(value)}" is not true or false.`)
    return value
  }
  if (kind === 'date') return dateValue(value)
  if (kind === 'id')
    return typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : String(value)
  return String(value)
}

/** Ghost's regex filters: `~'x'` (contains) maps; a start or end anchor (`~^`, `~$`) does not. */
function containsValue(pattern: RegExp): string {
  if (pattern.source.startsWith('^') || pattern.source.endsWith('$'))
    throw badFilter('"starts with" (~^) and "ends with" (~$) are not supported; use ~ (contains).')
  return pattern.source.replace(/\\(.)/g, '$1')
}

async function condition(fields: FilterFields, name: string, raw: unknown): Promise<Where> {
  const field = fields[name]
  if (!field) throw badFilter(`"${name}" cannot be filtered on here; use one of ${Object.keys(fields).join(', ')}.`)
  let operator: Operator = 'equals'
  let value: unknown = raw
  if (raw !== null && typeof raw === 'object' && !(raw instanceof RegExp) && !Array.isArray(raw)) {
    const [[mongo, operand], ...more] = Object.entries(raw)
    if (more.length) throw badFilter(`"${name}" has more than one comparison.`)
    if (mongo === '$regex') {
      operator = 'contains'
      value = containsValue(operand as RegExp)
    } else if (MONGO_OPERATORS[mongo]) {
      operator = MONGO_OPERATORS[mongo]
      value = operand
    } else throw badFilter(`the comparison ${mongo} is not supported.`)
  }
  const values = Array.isArray(value) ? value : [value]
  if ('resolve' in field) return field.resolve(operator, values)
  const converted = operator === 'contains' ? values : values.map((each) => convert(field.value, each))
  if (converted[0] === null && operator === 'equals') return { [field.path]: { exists: false } }
  if (converted[0] === null && operator === 'not_equals') return { [field.path]: { exists: true } }
  return { [field.path]: { [operator]: operator === 'in' || operator === 'not_in' ? converted : converted[0] } }
}

async function translate(node: Record<string, unknown>, fields: FilterFields): Promise<Where> {
  const parts: Where[] = []
  for (const [key, value] of Object.entries(node)) {
    if (key === '$and' || key === '$or') {
      const children = await Promise.all((value as Record<string, unknown>[]).map((child) => translate(child, fields)))
      parts.push(key === '$and' ? { and: children } : { or: children })
    } else parts.push(await condition(fields, key, value))
  }
  return parts.length === 1 ? parts[0] : { and: parts }
}

/** `filter` as a Payload `where`; `aliases` map Ghost's shorthands (`tag` → `tags.slug`). */
export async function filterToWhere(
  filter: string,
  fields: FilterFields,
  aliases: Record<string, string> = {},
): Promise<Where> {
  let parsed: Record<string, unknown>
  try {
    parsed = nql(filter, {
      expansions: Object.entries(aliases).map(([key, replacement]) => ({ key, replacement })),
    }).parse()
  } catch (error) {
    throw badFilter(error instanceof Error ? error.message.split('\n')[0] : String(error))
  }
  return translate(parsed, fields)
}
