/** Query parameters that only say where a click came from (Naver adds the last two to feed links). */
const TRACKING_PARAMETER = /^(utm_[a-z_]+|fbclid|gclid|igshid|mc_cid|mc_eid|ref_src|fromrss|trackingcode)$/i

/**
 * A link as one identity, however it was shared: host in lower case, no fragment, no tracking
 * parameters, no trailing slash. Text that is not an absolute URL comes back trimmed.
 */
export function normaliseLink(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return raw.trim()
  }
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name)
  url.pathname = url.pathname.replace(/\/+$/, '')
  return url.toString().replace(/\/(?=$|\?)/, '')
}
