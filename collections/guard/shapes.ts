import { ValidationError, type CollectionBeforeOperationHook, type FlattenedField } from 'payload'

import { httpError } from '../shared/endpoints'

type Problem = { path: string; message: string }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isId = (value: unknown) =>
  (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value.trim() !== '')

/** A relationship value as the APIs accept it: an id, a populated document, or a polymorphic pair. */
const isRelationValue = (value: unknown) =>
  isId(value) || (isPlainObject(value) && (isId(value.id) || ('relationTo' in value && isId(value.value))))

const isDate = (value: unknown) =>
  value instanceof Date ? !Number.isNaN(value.getTime()) : typeof value === 'string' && !Number.isNaN(Date.parse(value))

const isNumeric = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

/** What one value of a field must be, or `null` when any value is Payload's to judge. */
function expected(field: FlattenedField): { test: (value: unknown) => boolean; description: string } | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
    case 'select':
    case 'radio':
      return { test: (value) => typeof value === 'string', description: 'text' }
    case 'number':
      return { test: isNumeric, description: 'a finite number' }
    case 'checkbox':
      return {
        test: (value) => typeof value === 'boolean' || value === 'true' || value === 'false',
        description: 'true or false',
      }
    case 'date':
      return { test: isDate, description: 'a date (ISO 8601)' }
    case 'relationship':
    case 'upload':
      return { test: isRelationValue, description: 'an id' }
    case 'richText':
      return { test: (value) => isPlainObject(value) && isPlainObject(value.root), description: 'a rich-text document' }
    default:
      return null
  }
}

/** Values that mean "none" for a relationship or upload field, as Payload's own sanitising reads them. */
const NO_RELATION = new Set<unknown>(['', 'none', 'null', null])

/**
 * A value in the encodings Payload itself accepts and rewrites before its hooks run (its
 * `beforeValidate` sanitising): the admin sends an empty list as its row count `0`, an empty
 * relation as `""` or `null`, a number or checkbox as text. Only what Payload would rewrite is
 * rewritten here, so the shape check below sees what Payload's hooks will see.
 */
function asPayloadReadsIt(field: FlattenedField, value: unknown): unknown {
  switch (field.type) {
    case 'array':
    case 'blocks':
      return value === 0 || value === '0' || value === null ? [] : value
    case 'relationship':
    case 'upload':
      if (NO_RELATION.has(value)) return field.hasMany ? [] : null
      return value
    case 'number':
      if (value === '') return null
      if (value === null && field.hasMany) return []
      return value
    case 'date':
      return value === '' ? null : value
    case 'checkbox':
      return value === '' ? false : value
    default:
      return value === null && 'hasMany' in field && field.hasMany ? [] : value
  }
}

/** Checks the JavaScript shape of incoming data against the fields, in the encodings Payload accepts. */
function checkFields(fields: FlattenedField[], data: Record<string, unknown>, prefix: string, problems: Problem[]) {
  for (const field of fields) {
    if (!(field.name in data)) continue
    const path = `${prefix}${field.name}`
    const value = (data[field.name] = asPayloadReadsIt(field, data[field.name]))
    if (value === null || value === undefined) {
      if (field.type === 'group' || field.type === 'tab')
        problems.push({ path, message: `${path} must be an object of fields.` })
      continue
    }
    if (field.type === 'group' || field.type === 'tab') {
      if (!isPlainObject(value)) problems.push({ path, message: `${path} must be an object of fields.` })
      else checkFields(field.flattenedFields, value, `${path}.`, problems)
      continue
    }
    if (field.type === 'array' || field.type === 'blocks') {
      if (!Array.isArray(value)) {
        problems.push({ path, message: `${path} must be a list.` })
        continue
      }
      value.forEach((row, index) => {
        if (!isPlainObject(row))
          return problems.push({ path: `${path}.${index}`, message: `${path}.${index} must be an object of fields.` })
        const rowFields =
          field.type === 'array'
            ? field.flattenedFields
            : field.blocks.find((block) => block.slug === row.blockType)?.flattenedFields
        if (!rowFields)
          return problems.push({ path: `${path}.${index}`, message: `${path}.${index} has no known blockType.` })
        checkFields(rowFields, row, `${path}.${index}.`, problems)
      })
      continue
    }
    const rule = expected(field)
    if (!rule) continue
    const many = 'hasMany' in field && field.hasMany
    if (many && !Array.isArray(value))
      problems.push({ path, message: `${path} must be a list of ${rule.description} values.` })
    else if (many) {
      if (!(value as unknown[]).every(rule.test))
        problems.push({ path, message: `${path} must be a list of ${rule.description} values.` })
    } else if (!rule.test(value)) problems.push({ path, message: `${path} must be ${rule.description}.` })
  }
}

/** `_status` and the other fields Payload adds are judged by their own rules. */
export function bodyProblems(data: unknown, fields: FlattenedField[]): Problem[] {
  if (!isPlainObject(data)) return [{ path: '', message: 'The request body must be a JSON object of fields.' }]
  const problems: Problem[] = []
  checkFields(fields, data, '', problems)
  return problems
}

/**
 * Incoming documents have the shape their fields ask for before any hook sees them: a string
 * where text goes, an object where a group goes, a list where an array goes, a valid date, an id.
 * A wrong shape is a 400 naming each field, never a hook failing half-way (a 500 and a stored
 * broken row).
 */
/** Deeper than any document's fields and rich text go (Payload copies a body recursively). */
const MAX_NESTING = 100

/** Whether `value` holds objects or arrays more than `limit` levels deep, found without recursion. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]]
  while (pending.length) {
    const [current, depth] = pending.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(current)) pending.push([child, depth + 1])
  }
  return false
}

export const refuseMalformedData: CollectionBeforeOperationHook = ({
  args,
  operation,
  collection,
  req,
  overrideAccess,
}) => {
  if (overrideAccess || (operation !== 'create' && operation !== 'update')) return args
  const { data } = args as { data?: unknown }
  if (nestedDeeperThan(data, MAX_NESTING))
    throw httpError(`The document is nested more than ${MAX_NESTING} levels deep; no field goes that deep.`)
  const problems = bodyProblems(data, collection.flattenedFields)
  if (problems.length) throw new ValidationError({ collection: collection.slug, errors: problems, req })
  return args
}
