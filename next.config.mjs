import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Express sets its own security headers and powered-by is noise.
  poweredByHeader: false,
  // Express compresses every response (src/http/startServer.ts); compressing twice wastes CPU.
  compress: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
