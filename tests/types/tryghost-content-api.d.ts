/** `@tryghost/content-api` ships no types: what the tests call. */
declare module '@tryghost/content-api' {
  type Params = Record<string, unknown>
  type Resource<T = Record<string, any>> = {
    browse(options?: Params): Promise<T[] & { meta: { pagination: Record<string, number | null> } }>
    read(data: { id?: string; slug?: string }, options?: Params): Promise<T>
  }
  type MakeRequest = (request: {
    url: string
    method: string
    params: Params
    headers: Record<string, string>
  }) => Promise<{ data: any }>
  export default function GhostContentAPI(options: {
    url: string
    key: string
    version: string | boolean
    ghostPath?: string
    makeRequest?: MakeRequest
  }): {
    posts: Resource
    pages: Resource
    tags: Resource
    authors: Resource
    settings: { browse(options?: Params): Promise<Record<string, any>> }
  }
}
