import { stringify } from 'csv-stringify/sync'

/**
 * Where a spreadsheet could start a formula in a text cell (OWASP, "CSV Injection"): `=`, `+`,
 * `-`, `@`, a tab or a carriage return, in their full-width forms too (`＝`…, which spreadsheets in
 * East Asian locales read as `=`), at the start after any spaces (no-break ones included), or after
 * a separator of any locale (`,` or `;`) or a line break, where a spreadsheet that splits the cell
 * there would start a new one.
 */
const FORMULA = /(?:^|[,;\r\n])[\s\u00a0\u3000]*[=+\-@\t\r＝＋－＠]/u

/**
 * A text cell a spreadsheet shows as text: one that could start a formula gets a leading `'`.
 * Numbers are written as numbers.
 */
export const neutraliseCell = (value: string) => (FORMULA.test(value) ? `'${value}` : value)

/** Every CSV export: a BOM (so spreadsheets read UTF-8 Korean), a header row, no live formulas. */
export const csvDocument = (rows: unknown[][]) => stringify(rows, { bom: true, cast: { string: neutraliseCell } })
