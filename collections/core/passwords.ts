import { dictionary } from '@zxcvbn-ts/language-common'
import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

const MIN_PASSWORD_LENGTH = 10

let common: Set<string> | undefined
/** zxcvbn-ts's list of about 50,000 common passwords, loaded on first use. */
const commonPasswords = () =>
  (common ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase())))

/** What is wrong with a new password, or `null`. */
function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`
  if (commonPasswords().has(password.toLowerCase()))
    return 'This password is one of the most common ones; choose another.'
  return null
}

/**
 * Every new password (sign-up, the first user, a change, a reset) has at least 10 characters and
 * is not one of the most common passwords, whichever API sets it.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (typeof password !== 'string') return args
  const problem = passwordProblem(password)
  if (problem)
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: problem }], req })
  return args
}
