import {
  GraphQLError,
  getNamedType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'

/** What one GraphQL request may ask of the server, whatever it is named or aliased. */
export const GRAPHQL_BUDGET = {
  /** Fields at the top of the operation, aliases of one field counted each. */
  rootFields: 20,
  /** Documents the operation's lists may return in all: each list's `limit`, times those around it. */
  documents: 2_000,
  /** Sign-ins and account operations (log in, password reset, unlock…): one per request. */
  accountOperations: 1,
} as const

/** A list's `limit` when a request leaves it out (Payload's default page). */
const DEFAULT_LIMIT = 10
/** Payload reads `limit: 0` as every document: counted as a whole budget. */
const EVERY_DOCUMENT = GRAPHQL_BUDGET.documents

const ACCOUNT_OPERATION = /^(login|forgotPassword|resetPassword|unlock|refreshToken|verifyEmail)[A-Z]/

type Variables = Record<string, unknown> | null | undefined

/**
 * Budgets for one GraphQL operation, as validation rules (so every request meets them before
 * anything runs, over POST, GET and persisted queries alike): a number of root fields, of
 * documents its lists may return in all, and one account operation. Payload's complexity limit
 * counts a field once whatever its `limit`, and aliases let one request repeat a field: 200
 * aliased `Posts(limit: 100)` held the server 29 s, and 15 aliased logins queued every read.
 */
export const graphQLBudgetRules =
  (variables: Variables): ValidationRule =>
  (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const root =
        operation.operation === 'mutation' ? context.getSchema().getMutationType() : context.getSchema().getQueryType()
      if (!root) return
      const rootFields = fieldsOf(context, operation.selectionSet, new Set())
      if (rootFields.length > GRAPHQL_BUDGET.rootFields)
        context.reportError(
          new GraphQLError(
            `The operation asks for ${rootFields.length} fields at its top (aliases included); at most ${GRAPHQL_BUDGET.rootFields} in one request.`,
          ),
        )
      const accountOperations = rootFields.filter((field) => ACCOUNT_OPERATION.test(field.name.value)).length
      if (operation.operation === 'mutation' && accountOperations > GRAPHQL_BUDGET.accountOperations)
        context.reportError(
          new GraphQLError(
            `Sign in, or change an account, once per request: this one asks ${accountOperations} times.`,
          ),
        )
      const documents = documentsAsked(context, operation.selectionSet, root, 1, variables, new Set())
      if (documents > GRAPHQL_BUDGET.documents)
        context.reportError(
          new GraphQLError(
            `The operation's lists may return ${documents} documents in all (each limit times the lists around it); at most ${GRAPHQL_BUDGET.documents} in one request. Ask for fewer, or page.`,
          ),
        )
    },
  })

/** The fields a selection set asks for, its fragments' included (a fragment met again is skipped). */
function fieldsOf(context: ValidationContext, selectionSet: SelectionSetNode, seen: Set<string>): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection]
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(context, selection.selectionSet, seen)
    const fragment = context.getFragment(selection.name.value)
    if (!fragment || seen.has(fragment.name.value)) return []
    return fieldsOf(context, fragment.selectionSet, new Set([...seen, fragment.name.value]))
  })
}

/** Documents `selectionSet` may return: every field with a `limit`, times `multiplier`, nested lists multiplied. */
function documentsAsked(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  multiplier: number,
  variables: Variables,
  seen: Set<string>,
): number {
  let total = 0
  for (const field of fieldsOf(context, selectionSet, seen)) {
    const definition = isObjectType(parent) ? (parent as GraphQLObjectType).getFields()[field.name.value] : undefined
    if (!definition) continue
    let inner = multiplier
    const limitArgument = definition.args.find((argument) => argument.name === 'limit')
    if (limitArgument) {
      const given = field.arguments?.find((argument) => argument.name.value === 'limit')
      const value = given ? valueFromAST(given.value, limitArgument.type, variables ?? undefined) : undefined
      const limit =
        typeof value === 'number' && Number.isFinite(value)
          ? value === 0
            ? EVERY_DOCUMENT
            : Math.max(value, 0)
          : DEFAULT_LIMIT
      inner = multiplier * limit
      total += inner
    }
    // Past the budget already: no need to count further (and no overflow).
    if (total > GRAPHQL_BUDGET.documents) return total
    if (field.selectionSet)
      total += documentsAsked(context, field.selectionSet, getNamedType(definition.type), inner, variables, seen)
  }
  return total
}
