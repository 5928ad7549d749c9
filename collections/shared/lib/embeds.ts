/**
 * Embeds are limited to hosts the blog trusts. Each known provider maps its page URL to the URL
 * that may be framed; any other allowed host is framed as given.
 */
export const DEFAULT_EMBED_HOSTS = [
  'www.youtube.com',
  'youtube.com',
  'youtu.be',
  'www.youtube-nocookie.com',
  'gist.github.com',
  'codepen.io',
  'codesandbox.io',
  'stackblitz.com',
  'www.slideshare.net',
  'speakerdeck.com',
]

export type Embed = { provider: 'youtube' | 'gist' | 'iframe'; src: string; url: string }

/** The built-in hosts and a site's own additions (the plugin's `embedHosts` option). */
export function embedHosts(extra: string[] = []): string[] {
  return [...new Set([...DEFAULT_EMBED_HOSTS, ...extra.map((host) => host.trim().toLowerCase()).filter(Boolean)])]
}

export function resolveEmbed(raw: string, allowedHosts: string[] = embedHosts()): Embed | { error: string } {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return { error: `"${raw}" is not an absolute URL.` }
  }
  if (url.protocol !== 'https:') return { error: 'Embeds must use https.' }
  const host = url.hostname.toLowerCase()
  if (!allowedHosts.includes(host)) {
    return { error: `Embeds from ${host} are not allowed. Allowed hosts: ${allowedHosts.join(', ')}.` }
  }
  const youtubeId = youtubeVideoId(url)
  if (youtubeId)
    return { provider: 'youtube', src: `https://www.youtube-nocookie.com/embed/${youtubeId}`, url: url.href }
  if (host === 'gist.github.com') {
    const path = url.pathname.replace(/\.(js|json)$/, '')
    if (!/^\/[\w-]+\/[0-9a-f]+$/i.test(path))
      return { error: 'A gist URL looks like https://gist.github.com/user/<id>.' }
    return { provider: 'gist', src: `https://gist.github.com${path}.pibb`, url: `https://gist.github.com${path}` }
  }
  return { provider: 'iframe', src: url.href, url: url.href }
}

function youtubeVideoId(url: URL): string | null {
  const host = url.hostname.replace(/^www\./, '')
  let id: string | null = null
  if (host === 'youtu.be') id = url.pathname.slice(1)
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id = url.searchParams.get('v') ?? /^\/(?:embed|shorts|live)\/([^/]+)/.exec(url.pathname)?.[1] ?? null
  }
  return id && /^[\w-]{6,20}$/.test(id) ? id : null
}
