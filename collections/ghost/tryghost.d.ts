/** `@tryghost/nql` ships no types: the part Devlog calls. */
declare module '@tryghost/nql' {
  type Expansion = { key: string; replacement: string }
  export default function nql(
    filter: string,
    options?: { expansions?: Expansion[] },
  ): { parse(): Record<string, unknown> }
}
