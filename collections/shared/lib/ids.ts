type Id = number | string

/** The id of a relationship value, whether Payload returned it populated (an object) or not. */
export const idOf = (value: unknown): Id | null =>
  value === null || value === undefined ? null : typeof value === 'object' ? (value as { id: Id }).id : (value as Id)
