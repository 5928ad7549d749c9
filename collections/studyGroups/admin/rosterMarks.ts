import type { DevlogTranslationKeys } from '../../translations/index'

/** How each cell status of the roster board is marked, coloured and named. */
export const STATUS_STYLE = {
  'on-time': { mark: '✓', colour: 'var(--theme-success-500)', label: 'devlog:rosterStatus_on_time' },
  late: { mark: 'L', colour: 'var(--theme-warning-500)', label: 'devlog:rosterStatus_late' },
  missing: { mark: '✗', colour: 'var(--theme-error-500)', label: 'devlog:rosterStatus_missing' },
  'pass-used': { mark: 'P', colour: 'var(--theme-elevation-500)', label: 'devlog:rosterStatus_pass_used' },
  excused: { mark: 'E', colour: 'var(--theme-elevation-400)', label: 'devlog:rosterStatus_excused' },
  pending: { mark: '·', colour: 'var(--theme-elevation-300)', label: 'devlog:rosterStatus_pending' },
  'in-review': { mark: '?', colour: 'var(--theme-warning-500)', label: 'devlog:rosterStatus_in_review' },
} as const satisfies Record<string, { mark: string; colour: string; label: DevlogTranslationKeys }>
export type CellStatus = keyof typeof STATUS_STYLE

// Marks a cell whose submission the feed poller found.
export const FEED_BADGE = { fontSize: 9, marginLeft: 1, color: 'var(--theme-elevation-800)' } as const
