export { devlogPlugin } from './plugin'
export {
  DEVLOG_COLLECTIONS,
  OPTIONAL_FEATURES,
  type CollectionOverride,
  type DevlogCollectionSlug,
  type DevlogPluginOptions,
  type OptionalFeature,
  type SanitizedDevlogOptions,
} from './options'
export { ROLES, hasRole, isEditorRequest, type Role } from './shared/access/roles'
export { slugify, validateSlug } from './shared/lib/slugify'
export { onContentChange } from './delivery/contentEvents'
export { translations, type DevlogTranslationKeys, type DevlogTranslations } from './translations/index'
