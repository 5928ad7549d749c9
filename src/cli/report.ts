import type { ExportReport } from '../../collections/transfer/exporter'
import type { ImportReport } from '../../collections/transfer/importer'

const BAR_WIDTH = 24

/**
 * One progress update: on a terminal a bar redrawn in place, elsewhere (CI logs, pipes) a line at
 * each tenth of the way so a long run shows it is alive without flooding the log.
 */
export function progressLine(done: number, total: number, label: string, interactive: boolean): string | null {
  const percent = Math.floor((done / total) * 100)
  if (interactive) {
    const filled = Math.round((done / total) * BAR_WIDTH)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`
    return `\r\x1b[2K${bar} ${String(done).padStart(String(total).length)}/${total} ${percent}% ${label.slice(0, 60)}${done === total ? '\n' : ''}`
  }
  const step = Math.max(1, Math.ceil(total / 10))
  return done % step === 0 || done === total ? `${done}/${total} (${percent}%)\n` : null
}

const seconds = (elapsed: number) => `${elapsed.toFixed(1)} s`

export function importSummary(report: ImportReport, target: string, elapsed: number): string {
  const { counts, outcomes, dryRun, rehearsed } = report
  const rate = elapsed > 0 ? ` (${(outcomes.length / elapsed).toFixed(1)} files/s)` : ''
  const verb = (done: string, would: string) => (dryRun ? would : done)
  const lines = [
    `${dryRun ? `Dry run (nothing was written${rehearsed ? '' : '; without transactions in this database the writes were not rehearsed'}): ` : ''}${outcomes.length} file${outcomes.length === 1 ? '' : 's'} from ${target} in ${seconds(elapsed)}${rate}`,
    `  ${verb('created', 'would create')}: ${counts.created}`,
    `  ${verb('updated', 'would update')}: ${counts.updated}`,
    `  skipped: ${counts.skipped}`,
    `  failed:  ${counts.failed}`,
  ]
  // What each file was read as, for a person to check before writing.
  const detected = outcomes.filter((outcome) => outcome.detected)
  if (dryRun && detected.length) lines.push('Detected:', ...detectionTable(detected))
  const failed = outcomes.filter((outcome) => outcome.action === 'failed')
  if (failed.length) lines.push('Failed:', ...failed.map((outcome) => `  ${outcome.file}: ${outcome.reason}`))
  const warned = outcomes.flatMap((outcome) => outcome.warnings.map((warning) => `  ${outcome.file}: ${warning}`))
  if (warned.length) lines.push('Warnings:', ...warned)
  return lines.join('\n')
}

const DETECTION_COLUMNS = ['file', 'kind', 'title', 'period', 'date', 'tags', 'sections'] as const

/** One row per file, columns padded to their widest cell (Hangul counts double on a terminal). */
function detectionTable(outcomes: ImportReport['outcomes']): string[] {
  const rows = outcomes.map(({ file, detected }) => [
    file,
    detected!.collection === 'posts' ? 'post' : 'retrospective',
    detected!.title,
    detected!.period ?? '–',
    detected!.date ?? '–',
    detected!.tags.join(', ') || '–',
    String(detected!.sections),
  ])
  const width = (cell: string) =>
    [...cell].reduce(
      (sum, char) => sum + (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]/.test(char) ? 2 : 1),
      0,
    )
  const all = [[...DETECTION_COLUMNS], ...rows]
  const widths = DETECTION_COLUMNS.map((_, column) => Math.max(...all.map((row) => width(row[column]))))
  return all.map(
    (row) =>
      `  ${row
        .map((cell, column) => cell + ' '.repeat(widths[column] - width(cell)))
        .join('  ')
        .trimEnd()}`,
  )
}

export function exportSummary(report: ExportReport, target: string, elapsed: number): string {
  const images = report.files.reduce((sum, file) => sum + file.images, 0)
  const lines = [`Exported ${report.files.length} documents and ${images} images to ${target} in ${seconds(elapsed)}`]
  if (report.warnings.length) lines.push('Warnings:', ...report.warnings.map((warning) => `  ${warning}`))
  return lines.join('\n')
}
