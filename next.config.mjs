import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Express sets its own security headers and powered-by is noise.
  poweredByHeader: false,
  // Express compresses every response (src/http/startServer.ts); compressing twice wastes CPU.
  compress: false,
  // Devlog's server logs each request once (src/http/requestLogger.ts); Next's dev log would repeat it.
  logging: { incomingRequests: false },
  // Next loads every route's server code at start by default; most processes serve the API and
  // feeds, which never touch it, so the admin's code (about 30 MB of heap) loads on its first visit.
  experimental: { preloadEntriesOnStart: false },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
