import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Importing payload.config evaluates its default export: point it at a throw-away place so no
// test ever touches ./data.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-jest-'))
process.env.DATABASE_URI = `file:${path.join(scratch, 'default.db')}`
process.env.MEDIA_DIR = path.join(scratch, 'media')
process.env.PAYLOAD_SECRET ??= 'devlog-test-secret-0123456789abcdef0123'
process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.NEXT_TELEMETRY_DISABLED = '1'
delete process.env.SERVER_URL
// Payload skips the development schema push when the schema equals the last one it pushed in
// this process, which would leave a second fresh database in the same test file empty.
process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
