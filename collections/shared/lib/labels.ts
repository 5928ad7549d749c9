/** A label in both admin languages. */
export const label = (en: string, ko: string) => ({ en, ko })

type Label = ReturnType<typeof label>

/** Select options from a map of values to their labels, in the map's order. */
export const options = <Value extends string>(labels: Record<Value, Label>) =>
  (Object.entries(labels) as [Value, Label][]).map(([value, text]) => ({ value, label: text }))
