/**
 * Slugs keep Hangul (and other letters and digits of any script) so Korean titles stay readable
 * in URLs: `2021년 1분기 회고` → `2021년-1분기-회고`. Latin is lower-cased, accents are folded,
 * and every run of punctuation or white space becomes one hyphen.
 */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '') // combining marks left by NFKD (accents), not Hangul jamo
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u

export const MAX_SLUG_LENGTH = 120

/** Returns an error message for an invalid slug, or `true` when it is acceptable. */
export function validateSlug(value: unknown): true | string {
  if (typeof value !== 'string' || value.length === 0) return 'A slug is required.'
  if (value.length > MAX_SLUG_LENGTH) return `A slug may be at most ${MAX_SLUG_LENGTH} characters long.`
  if (!SLUG_PATTERN.test(value)) {
    return 'A slug may contain only lower-case letters, digits and Hangul, separated by single hyphens (e.g. "2021년-1분기-회고").'
  }
  return true
}

/** `base`, then `base-2`, `base-3`… : the first candidate that `isTaken` rejects is skipped. */
export async function uniqueSlug(base: string, isTaken: (candidate: string) => Promise<boolean>): Promise<string> {
  let candidate = base
  for (let suffix = 2; await isTaken(candidate); suffix++) {
    candidate = `${base}-${suffix}`
  }
  return candidate
}
