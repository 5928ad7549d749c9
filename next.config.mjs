import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Express sets its own security headers and powered-by is noise.
  poweredByHeader: false,
  // Express compresses every response (src/http/startServer.ts); compressing twice wastes CPU.
  compress: false,
  // Devlog's server logs each request once (src/http/requestLogger.ts); Next's dev log would repeat it.
  logging: { incomingRequests: false },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
