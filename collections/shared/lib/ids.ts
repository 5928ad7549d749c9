import type { Id } from '../documents'

/** The id of a relationship value, whether Payload returned it populated (an object) or not. */
export const idOf = (value: unknown): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? (value as { id: Id }).id : (value as Id)

/** The ids of a has-many relationship value, populated or not; anything but an array has none. */
export const idsOf = (values: unknown): Id[] =>
  (Array.isArray(values) ? values : []).map(idOf).filter((id): id is Id => id !== null)
