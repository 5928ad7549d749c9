export { devlogPlugin } from './plugin.js'
export {
  DEVLOG_COLLECTIONS,
  OPTIONAL_FEATURES,
  type CollectionOverride,
  type DevlogCollectionSlug,
  type DevlogPluginOptions,
  type OptionalFeature,
  type SanitizedDevlogOptions,
} from './options.js'
export { ROLES, hasRole, isEditorRequest, type Role } from './shared/access/roles.js'
export { slugify, validateSlug } from './shared/lib/slugify.js'
export { onContentChange } from './delivery/contentEvents.js'
export { translations, type DevlogTranslationKeys, type DevlogTranslations } from './translations/index.js'
