/**
 * Reading time for mixed Korean/English technical writing. Hangul and other CJK text is read by
 * characters (about 500 a minute), other text by words (about 230 a minute), and code is skimmed
 * rather than read, so it counts at a lighter rate.
 */
export const CJK_CHARACTERS_PER_MINUTE = 500
export const WORDS_PER_MINUTE = 230
export const CODE_WORDS_PER_MINUTE = 600

const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_.-]*/gu

export type TextStats = { cjkCharacters: number; words: number; codeWords: number }

export function countText(prose: string, code = ''): TextStats {
  const cjkCharacters = prose.match(CJK)?.length ?? 0
  const words = prose.replace(CJK, ' ').match(WORD)?.length ?? 0
  const codeWords = code.match(WORD)?.length ?? 0
  return { cjkCharacters, words, codeWords }
}

/** Words as a reader counts them: each CJK run counts by its characters' word-equivalents. */
export function wordCount({ cjkCharacters, words, codeWords }: TextStats): number {
  return words + codeWords + cjkCharacters
}

/** Whole minutes, at least 1 for any text. */
export function readingMinutes({ cjkCharacters, words, codeWords }: TextStats): number {
  const minutes =
    cjkCharacters / CJK_CHARACTERS_PER_MINUTE + words / WORDS_PER_MINUTE + codeWords / CODE_WORDS_PER_MINUTE
  if (minutes === 0) return 0
  return Math.max(1, Math.round(minutes))
}
