import type { CollectionConfig } from 'payload'

import type { CollectionOverride } from '../options'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Adds hooks after the ones a collection already has, kind by kind. */
export function appendHooks(collection: CollectionConfig, hooks: Hooks): CollectionConfig {
  const merged: Record<string, unknown[]> = { ...(collection.hooks as Record<string, unknown[]>) }
  for (const [kind, added] of Object.entries(hooks) as [string, unknown[] | undefined][]) {
    if (added?.length) merged[kind] = [...(merged[kind] ?? []), ...added]
  }
  return { ...collection, hooks: merged as Hooks }
}

/** A host's override (fields, access, admin, labels, hooks) applied to one of Devlog's collections. */
export function applyOverride(
  collection: CollectionConfig,
  override: CollectionOverride | undefined,
): CollectionConfig {
  if (!override) return collection
  const overridden: CollectionConfig = {
    ...collection,
    fields: override.fields ? override.fields({ defaultFields: collection.fields }) : collection.fields,
    access: { ...collection.access, ...override.access },
    admin: { ...collection.admin, ...override.admin },
    ...(override.labels ? { labels: override.labels } : {}),
  }
  return override.hooks ? appendHooks(overridden, override.hooks) : overridden
}

/**
 * The host's collections with Devlog's added. The host's auth collection (`sharedSlug`) is kept
 * and gets only the fields Devlog relies on that it lacks; any other clash of slugs is a
 * configuration error, since two collections cannot share one.
 */
export function mergeCollections(
  host: CollectionConfig[],
  devlog: CollectionConfig[],
  sharedSlug: string,
): CollectionConfig[] {
  const merged = [...host]
  for (const collection of devlog) {
    const index = merged.findIndex((existing) => existing.slug === collection.slug)
    if (index === -1) {
      merged.push(collection)
    } else if (collection.slug === sharedSlug) {
      const names = new Set(merged[index].fields.map((field) => ('name' in field ? field.name : undefined)))
      const missing = collection.fields.filter((field) => 'name' in field && !names.has(field.name))
      merged[index] = { ...merged[index], fields: [...merged[index].fields, ...missing] }
    } else {
      throw new Error(
        `payload-devlog: the config already has a collection "${collection.slug}"; Devlog needs that slug for its own.`,
      )
    }
  }
  return merged
}
