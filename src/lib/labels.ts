/** A label in both admin languages. */
export const label = (en: string, ko: string) => ({ en, ko })
