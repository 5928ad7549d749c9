import { dictionary } from '@zxcvbn-ts/language-common'
import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { devlogOptions } from '../options'

const MIN_PASSWORD_LENGTH = 10

let common: Set<string> | undefined
/** zxcvbn-ts's list of about 50,000 common passwords, loaded on first use. */
const commonPasswords = () =>
  (common ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase())))

/** What is wrong with a new password, or `null`. Spaces around it do not count towards its length. */
function passwordProblem(password: string, refused: readonly string[]): string | null {
  if (password.trim().length < MIN_PASSWORD_LENGTH)
    return `Use a password of at least ${MIN_PASSWORD_LENGTH} characters besides spaces.`
  if (commonPasswords().has(password.toLowerCase()) || refused.includes(password.toLowerCase()))
    return 'This password is one of the most common or published ones; choose another.'
  return null
}

/**
 * Every new password (sign-up, the first user, a change, a reset) has at least 10 characters
 * besides spaces and is neither one of the most common passwords nor one the host refuses
 * (`accounts.refusedPasswords`), whichever API sets it.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (typeof password !== 'string') return args
  const problem = passwordProblem(password, devlogOptions(req.payload.config).accounts.refusedPasswords)
  if (problem)
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: problem }], req })
  return args
}
