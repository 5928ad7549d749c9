/**
 * Payload checks that related ids exist only when a relationship has `filterOptions`; a filter
 * that admits everything turns that check on, so an unknown id is a 400 naming the field
 * instead of a foreign-key failure (SQLite) or a dangling reference (MongoDB).
 */
export const mustExist = { filterOptions: () => true as const }
