import { stringify } from 'csv-stringify/sync'

/** Characters a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A text cell a spreadsheet shows as text: one that could start a formula gets a leading `'`.
 * Numbers are written as numbers.
 */
export const neutraliseCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value)

/** Every CSV export: a BOM (so spreadsheets read UTF-8 Korean), a header row, no live formulas. */
export const csvDocument = (rows: unknown[][]) => stringify(rows, { bom: true, cast: { string: neutraliseCell } })
