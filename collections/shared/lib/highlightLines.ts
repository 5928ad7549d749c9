/** Parses a line selection such as `1, 3-5` into sorted line numbers, or explains what is wrong. */
export function parseLineRanges(input: string | null | undefined): number[] | { error: string } {
  if (!input || input.trim() === '') return []
  const lines = new Set<number>()
  for (const part of input.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part)
    if (!match) return { error: `"${part.trim()}" is not a line number or range like 3-5.` }
    const start = Number(match[1])
    const end = match[2] === undefined ? start : Number(match[2])
    if (start < 1 || end < start)
      return { error: `"${part.trim()}" is not a valid range: lines start at 1 and ranges go upwards.` }
    if (end - start > 10_000) return { error: `"${part.trim()}" spans too many lines.` }
    for (let line = start; line <= end; line++) lines.add(line)
  }
  return [...lines].sort((a, b) => a - b)
}
