import type { SanitizedDevlogOptions } from '../options'
import type { DevlogFeature } from '../shared/feature'
import { createMediaCollection } from './Media'
import { Users } from './Users'

/** Accounts with Devlog's roles and public profiles, and the media library every feature uses. */
export const coreFeature = (options: SanitizedDevlogOptions): DevlogFeature => ({
  collections: [Users, createMediaCollection({ mediaDir: options.mediaDir })],
})
