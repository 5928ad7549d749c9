import type { BaseDatabaseAdapter, DatabaseAdapterObj, FindArgs, PaginatedDocs, Where } from 'payload'

/**
 * Payload's adapters count a paginated `find`'s matches with a second query every time (on
 * SQLite a second statement built through Drizzle, on MongoDB a second round trip). A first page
 * often already says how many there are: one shorter than its limit holds every match (a tag's few
 * posts), and a `where` that pins a unique field to a value matches one document at most (a post
 * read by its slug, any lookup by id). So a first page is read without the count, and the adapter's
 * own `count` over the same `where` runs only when the page cannot tell. Later pages keep the
 * adapter's own path (MongoDB's pagination applies a page's offset only when it paginates).
 */
export function countFullPagesOnly(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as BaseDatabaseAdapter
      const find = adapter.find
      const uniqueFields = new Map<FindArgs['collection'], Set<string>>()
      const uniqueFieldsOf = (collection: FindArgs['collection']) => {
        let names = uniqueFields.get(collection)
        if (!names) {
          const fields = adapter.payload.collections[collection]?.config.flattenedFields ?? []
          // A localized field is unique per locale, so one value can stand for several documents.
          names = new Set(['id', ...fields.flatMap((field) => (field.unique && !field.localized ? [field.name] : []))])
          uniqueFields.set(collection, names)
        }
        return names
      }

      adapter.find = async function <T>(this: BaseDatabaseAdapter, args: FindArgs): Promise<PaginatedDocs<T>> {
        const { limit = 0, page = 1, pagination, skip } = args
        if (pagination === false || limit <= 0 || page !== 1 || skip)
          return find.call(this, args) as Promise<PaginatedDocs<T>>
        const result = (await find.call(this, { ...args, pagination: false })) as PaginatedDocs<T>
        const complete =
          result.docs.length < limit ||
          (args.where !== undefined && pinsUniqueField(args.where, uniqueFieldsOf(args.collection)))
        const totalDocs = complete
          ? result.docs.length
          : (await this.count({ collection: args.collection, locale: args.locale, req: args.req, where: args.where }))
              .totalDocs
        const totalPages = Math.max(1, Math.ceil(totalDocs / limit))
        return {
          ...result,
          hasNextPage: totalPages > 1,
          hasPrevPage: false,
          limit,
          nextPage: totalPages > 1 ? 2 : null,
          page: 1,
          pagingCounter: 1,
          prevPage: null,
          totalDocs,
          totalPages,
        }
      }
      return adapter
    },
  }
}

/**
 * Whether `where` requires one of `uniqueFields` to equal a value, so that at most one document
 * matches. A where object's keys and an `and`'s members all apply; an `or` can match one document
 * per branch. `null` is left out: a unique column holds any number of them.
 */
export function pinsUniqueField(where: Where, uniqueFields: ReadonlySet<string>): boolean {
  return Object.entries(where).some(([key, condition]) => {
    if (key === 'and') return Array.isArray(condition) && condition.some((part) => pinsUniqueField(part, uniqueFields))
    if (!uniqueFields.has(key) || typeof condition !== 'object' || condition === null) return false
    const equals = (condition as Record<string, unknown>).equals
    return equals !== undefined && equals !== null
  })
}
