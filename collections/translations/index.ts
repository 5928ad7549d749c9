import type { GenericTranslationsObject, NestedKeysStripped } from '@payloadcms/translations'
import { deepMergeSimple } from 'payload/shared'

import { en } from './en'
import { ko } from './ko'

/** Devlog's admin texts by language; other languages fall back to English. */
export const translations = { en, ko }

export type DevlogTranslations = typeof en
export type DevlogTranslationKeys = NestedKeysStripped<DevlogTranslations>

/** Devlog's texts merged under the host's own, as the official plugins do: the host's wording wins. */
export function mergeTranslations(
  host: Partial<Record<string, GenericTranslationsObject>> | undefined,
): Record<string, GenericTranslationsObject> {
  return deepMergeSimple(translations, host ?? {})
}
