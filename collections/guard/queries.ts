import {
  QueryError,
  type CollectionBeforeOperationHook,
  type FlattenedField,
  type PayloadRequest,
  type Where,
} from 'payload'

/** An id no document has: a field readable only on its own document must not pass for it. */
const NO_DOCUMENT = { id: '\u0000devlog-no-document' }

/**
 * Whether a reader may filter or sort on a field. Payload refuses fields whose read access is
 * false, but only the last field of a path and only as the access answers without a document:
 * a nested field (`sessions.expiresAt`) or one readable on its own document only (the sessions
 * of the signed-in user) would turn every query into a yes/no question about hidden values.
 */
async function mayQuery(field: FlattenedField, req: PayloadRequest): Promise<boolean> {
  if ('hidden' in field && field.hidden) return false
  const read = field.access?.read
  if (!read) return true
  for (const doc of [undefined, NO_DOCUMENT]) {
    if ((await read({ req, doc, id: doc?.id, siblingData: doc, data: doc })) !== true) return false
  }
  return true
}

/** The fields a path goes through, from the collection's own fields into groups, arrays and single relationships. */
export function fieldsOnPath(fields: FlattenedField[], path: string, req: PayloadRequest): FlattenedField[] {
  const visited: FlattenedField[] = []
  let current: FlattenedField[] | undefined = fields
  for (const segment of path.split('.')) {
    if (!current || /^\d+$/.test(segment)) continue
    const field: FlattenedField | undefined = current.find((candidate) => candidate.name === segment)
    if (!field) break
    visited.push(field)
    if ('flattenedFields' in field) current = field.flattenedFields
    else if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string')
      current = req.payload.collections[field.relationTo]?.config.flattenedFields
    else current = undefined
  }
  return visited
}

function wherePaths(where: Where | undefined, paths: string[] = []): string[] {
  if (!where || typeof where !== 'object') return paths
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value))
      value.forEach((nested) => wherePaths(nested as Where, paths))
    else paths.push(key)
  }
  return paths
}

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : [])
    .map((entry) => String(entry).trim().replace(/^-/, ''))
    .filter(Boolean)

/**
 * Filtering or sorting on a field the reader cannot read is a 400 for everyone, on every read,
 * count, bulk update and bulk delete, through REST, GraphQL and the Local API without
 * `overrideAccess`.
 */
export const refuseUnreadableQueries: CollectionBeforeOperationHook = async ({
  args,
  collection,
  req,
  overrideAccess,
}) => {
  if (overrideAccess) return args
  const { where, sort } = args as { where?: Where; sort?: unknown }
  const paths = [...wherePaths(where), ...sortPaths(sort)]
  const refused: { path: string }[] = []
  for (const path of new Set(paths)) {
    for (const field of fieldsOnPath(collection.flattenedFields, path, req)) {
      if (!(await mayQuery(field, req))) {
        refused.push({ path })
        break
      }
    }
  }
  if (refused.length) throw new QueryError(refused)
  return args
}
