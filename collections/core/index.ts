import type { SanitizedDevlogOptions } from '../options'
import { appendHooks } from '../shared/collections'
import type { DevlogFeature } from '../shared/feature'
import {
  checkPasswordsOfUnknownAccounts,
  releaseLoginAfterError,
  releaseLoginAfterSuccess,
  serialiseLogins,
} from './logins'
import { createMediaCollection } from './Media'
import { enforcePasswordPolicy } from './passwords'
import { forwardedClientAddress, loginThrottle } from './throttle'
import { Users } from './Users'

/**
 * Accounts with Devlog's roles and public profiles, and the media library every feature uses.
 * The accounts collection (Devlog's or the host's) gets the password policy, login throttling,
 * one login at a time per account, and the same answer time for unknown and known accounts.
 */
export const coreFeature = (options: SanitizedDevlogOptions): DevlogFeature => {
  const throttle = loginThrottle(options.clientAddress ?? forwardedClientAddress)
  return {
    collections: [Users, createMediaCollection({ mediaDir: options.mediaDir })],
    extendCollection: (collection) =>
      collection.slug === 'users'
        ? appendHooks(collection, {
            beforeOperation: [enforcePasswordPolicy, throttle.before, serialiseLogins, checkPasswordsOfUnknownAccounts],
            afterOperation: [throttle.after, releaseLoginAfterSuccess],
          })
        : collection,
    afterError: async (args) => {
      await throttle.recordFailure(args)
      await releaseLoginAfterError(args)
    },
  }
}
