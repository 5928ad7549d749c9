import type { DateField } from 'payload'

/**
 * A calendar day, without a time: picked as a day and shown as one, with its year, in the admin's
 * language (`PPP`: "March 2nd, 2026", "2026년 3월 2일"). Payload's default format adds a time
 * that a day has not got.
 */
export const DAY_ONLY: NonNullable<DateField['admin']>['date'] = { pickerAppearance: 'dayOnly', displayFormat: 'PPP' }
