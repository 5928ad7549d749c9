import type { SanitizedDevlogOptions } from '../options.js'
import type { DevlogFeature } from '../shared/feature.js'
import { createMediaCollection } from './Media.js'
import { Users } from './Users.js'

/** Accounts with Devlog's roles and public profiles, and the media library every feature uses. */
export const coreFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [Users, createMediaCollection({ mediaDir: options.mediaDir })],
})
