import { Kind, parse, visit, type DocumentNode } from 'graphql'

/** The first fragment cycle of a document (`A → B → A`), whose spreads would recurse without end. */
export function fragmentCycle(document: DocumentNode): string[] | null {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue
    const names: string[] = []
    visit(definition.selectionSet, { FragmentSpread: (node) => void names.push(node.name.value) })
    spreads.set(definition.name.value, names)
  }
  const done = new Set<string>()
  const walk = (name: string, trail: string[]): string[] | null => {
    if (trail.includes(name)) return [...trail.slice(trail.indexOf(name)), name]
    if (done.has(name)) return null
    for (const next of spreads.get(name) ?? []) {
      const cycle = walk(next, [...trail, name])
      if (cycle) return cycle
    }
    done.add(name)
    return null
  }
  for (const name of spreads.keys()) {
    const cycle = walk(name, [])
    if (cycle) return cycle
  }
  return null
}

async function queryOf(request: Request): Promise<string | null> {
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return null
  try {
    const body = (await request.json()) as { query?: unknown }
    return typeof body?.query === 'string' ? body.query : null
  } catch {
    return null
  }
}

/**
 * Wraps a GraphQL route handler (`GRAPHQL_POST(config)`): a query whose fragments spread each
 * other in a cycle is a 400 saying so. Payload's complexity check would otherwise recurse until
 * the stack overflows, answering 500 with an empty body. Anything else goes to the handler as sent.
 */
export function guardGraphQLRequests(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const query = await queryOf(request.clone())
    if (query !== null) {
      let document: DocumentNode | null = null
      try {
        document = parse(query)
      } catch {
        // Payload answers syntax errors itself.
      }
      const cycle = document && fragmentCycle(document)
      if (cycle)
        return Response.json(
          { errors: [{ message: `Fragments spread each other in a cycle: ${cycle.join(' → ')}.` }] },
          { status: 400 },
        )
    }
    return handler(request)
  }
}
