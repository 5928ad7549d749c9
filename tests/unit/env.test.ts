import {
  admissionLimits,
  ConfigError,
  corsOrigins,
  frontendOrigins,
  heapGrowingPercent,
  host,
  logFormat,
  logLevel,
  MIN_SECRET_LENGTH,
  mongodbCompatibility,
  payloadSecret,
  pluginOptions,
  port,
  searchMemoryLimit,
  serverURL,
} from '../../src/env'

const longSecret = 'x'.repeat(MIN_SECRET_LENGTH)

describe('payloadSecret', () => {
  it('refuses to run production without a secret', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => payloadSecret({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET is not set/)
  })

  it('refuses a short secret in production, naming its length', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' })).toThrow(
      /too short \(5 characters\)/,
    )
  })

  it('accepts a long enough secret in production', () => {
    expect(payloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: longSecret })).toBe(longSecret)
  })

  it('lets `next build` run without one, and development fall back to a fixed secret', () => {
    expect(payloadSecret({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).toEqual(expect.any(String))
    expect(payloadSecret({ NODE_ENV: 'development' }).length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH)
  })
})

describe('port', () => {
  it('defaults to 3000 and reads PORT', () => {
    expect(port({})).toBe(3000)
    expect(port({ PORT: '8080' })).toBe(8080)
  })

  it('refuses a port that is not a whole number in range', () => {
    expect(() => port({ PORT: 'http' })).toThrow(/PORT must be a whole number/)
    expect(() => port({ PORT: '70000' })).toThrow(ConfigError)
  })
})

describe('admissionLimits', () => {
  it('defaults to 2 at once on SQLite and 16 on MongoDB, up to 1,000 waiting, and reads both variables', () => {
    expect(admissionLimits('sqlite', {})).toEqual({ maxActive: 2, maxQueued: 1000 })
    expect(admissionLimits('mongodb', {})).toEqual({ maxActive: 16, maxQueued: 1000 })
    expect(admissionLimits('sqlite', { MAX_CONCURRENT_REQUESTS: '32', MAX_QUEUED_REQUESTS: '0' })).toEqual({
      maxActive: 32,
      maxQueued: 0,
    })
  })

  it('refuses zero workers or a fraction, naming the variable', () => {
    expect(() => admissionLimits('sqlite', { MAX_CONCURRENT_REQUESTS: '0' })).toThrow(
      'MAX_CONCURRENT_REQUESTS must be a whole number from 1 to 10000, got "0".',
    )
    expect(() => admissionLimits('mongodb', { MAX_QUEUED_REQUESTS: '2.5' })).toThrow(
      /MAX_QUEUED_REQUESTS must be a whole number/,
    )
  })
})

describe('searchMemoryLimit', () => {
  it('defaults to 5,000 rows, reads 0 as "always query the database", refuses a negative number', () => {
    expect(searchMemoryLimit({})).toBe(5000)
    expect(searchMemoryLimit({ SEARCH_MEMORY_LIMIT: '0' })).toBe(0)
    expect(() => searchMemoryLimit({ SEARCH_MEMORY_LIMIT: '-1' })).toThrow(
      'SEARCH_MEMORY_LIMIT must be a whole number from 0 to 1000000, got "-1".',
    )
  })
})

describe('heapGrowingPercent', () => {
  it('defaults to 50 %, reads 0 as "V8 decides", and refuses a fraction or a negative number, naming the variable', () => {
    expect(heapGrowingPercent({})).toBe(50)
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: '0' })).toBe(0)
    expect(heapGrowingPercent({ HEAP_GROWING_PERCENT: '100' })).toBe(100)
    expect(() => heapGrowingPercent({ HEAP_GROWING_PERCENT: '1.5' })).toThrow(
      'HEAP_GROWING_PERCENT must be a whole number from 0 to 1000, got "1.5".',
    )
    expect(() => heapGrowingPercent({ HEAP_GROWING_PERCENT: '-10' })).toThrow(ConfigError)
  })
})

describe('mongodbCompatibility', () => {
  it('defaults to MongoDB itself, reads ferretdb, and refuses anything else naming the variable', () => {
    expect(mongodbCompatibility({})).toBe('mongodb')
    expect(mongodbCompatibility({ MONGODB_COMPATIBILITY: ' ferretdb ' })).toBe('ferretdb')
    expect(() => mongodbCompatibility({ MONGODB_COMPATIBILITY: 'cosmos' })).toThrow(
      'MONGODB_COMPATIBILITY must be mongodb or ferretdb, got "cosmos".',
    )
  })
})

describe('pluginOptions: sitemap', () => {
  it('reads SITEMAP_URLS_PER_FILE, defaulting to the protocol limit and refusing more', () => {
    expect(pluginOptions({}).sitemap).toEqual({ urlsPerFile: 50_000 })
    expect(pluginOptions({ SITEMAP_URLS_PER_FILE: '1000' }).sitemap).toEqual({ urlsPerFile: 1000 })
    expect(() => pluginOptions({ SITEMAP_URLS_PER_FILE: '50001' })).toThrow(/SITEMAP_URLS_PER_FILE/)
  })
})

describe('logFormat', () => {
  it('writes JSON lines in production and pretty lines elsewhere unless LOG_FORMAT says otherwise', () => {
    expect(logFormat({ NODE_ENV: 'production' })).toBe('json')
    expect(logFormat({ NODE_ENV: 'development' })).toBe('pretty')
    expect(logFormat({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' })).toBe('pretty')
    expect(logFormat({ LOG_FORMAT: 'json' })).toBe('json')
  })

  it('refuses another format, naming the accepted ones', () => {
    expect(() => logFormat({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT must be "json" or "pretty", got "xml".')
  })
})

describe('logLevel', () => {
  it("writes info and above unless LOG_LEVEL names another of pino's levels, in any case", () => {
    expect(logLevel({})).toBe('info')
    expect(logLevel({ LOG_LEVEL: ' ' })).toBe('info')
    expect(logLevel({ LOG_LEVEL: 'debug' })).toBe('debug')
    expect(logLevel({ LOG_LEVEL: 'WARN' })).toBe('warn')
    expect(logLevel({ LOG_LEVEL: 'silent' })).toBe('silent')
  })

  it('refuses a level pino does not have, naming the accepted ones', () => {
    expect(() => logLevel({ LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "verbose".',
    )
    expect(() => logLevel({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError)
  })
})

describe('serverURL', () => {
  it('defaults to localhost on the configured port and trims a trailing slash', () => {
    expect(serverURL({ PORT: '4000' })).toBe('http://localhost:4000')
    expect(serverURL({ SERVER_URL: 'https://cms.example.com/' })).toBe('https://cms.example.com')
  })

  it('refuses a relative or non-http URL', () => {
    expect(() => serverURL({ SERVER_URL: 'cms.example.com' })).toThrow(/absolute http\(s\) URL/)
    expect(() => serverURL({ SERVER_URL: 'ftp://cms.example.com' })).toThrow(/http or https/)
  })
})

describe('corsOrigins', () => {
  it('always allows the server itself and adds the configured origins', () => {
    expect(
      corsOrigins({
        SERVER_URL: 'https://cms.example.com',
        CORS_ORIGINS: 'https://blog.example.com, http://localhost:4321/',
      }),
    ).toEqual(['https://cms.example.com', 'https://blog.example.com', 'http://localhost:4321'])
  })

  it('refuses entries that are not origins', () => {
    expect(() => corsOrigins({ CORS_ORIGINS: 'blog.example.com' })).toThrow(/CORS_ORIGINS entries must be origins/)
    expect(() => corsOrigins({ CORS_ORIGINS: 'https://blog.example.com/path' })).toThrow(ConfigError)
  })
})

describe('frontendOrigins', () => {
  it("names the front end's origins, which live preview frames", () => {
    expect(
      frontendOrigins({
        FRONTEND_URL_TEMPLATE: 'https://blog.example.com/{collection}/{slug}',
        FRONTEND_URL: 'https://blog.example.com/',
      }),
    ).toEqual(['https://blog.example.com'])
    expect(frontendOrigins({ FRONTEND_URL_TEMPLATE: 'https://preview.example.dev:8443/p/{slug}' })).toEqual([
      'https://preview.example.dev:8443',
    ])
    expect(frontendOrigins({ FRONTEND_URL_TEMPLATE: 'not a url', FRONTEND_URL: '' })).toEqual([])
    expect(frontendOrigins({})).toEqual([])
  })
})

describe('host', () => {
  it('listens on this machine only in development, on every interface in production, or where HOST says', () => {
    expect(host({})).toBe('127.0.0.1')
    expect(host({ NODE_ENV: 'production' })).toBe('0.0.0.0')
    expect(host({ NODE_ENV: 'production', HOST: '127.0.0.1' })).toBe('127.0.0.1')
    expect(host({ HOST: '[::1]' })).toBe('::1')
    expect(() => host({ HOST: 'example.com' })).toThrow(/HOST must be an IP address/)
  })
})
