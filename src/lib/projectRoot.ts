import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The nearest folder at or above a module that holds a package.json. Modules are run from their
 * source (Jest, the Payload CLI, Next) and from the bundled server in `build/`, so paths such as
 * the migrations folder are found from the project root, not from the module's own folder.
 */
export function projectRoot(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl))
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}`)
    dir = parent
  }
  return dir
}
