import fs from 'node:fs'
import path from 'node:path'

/**
 * The package takes every setting as an option: the host decides where values come from. A
 * package file that reads the environment would silently ignore what the host passed.
 */
const packageRoot = path.resolve(import.meta.dirname, '../../collections')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe('the package source', () => {
  it('reads no environment variables', () => {
    const files = sourceFiles(packageRoot)
    expect(files.length).toBeGreaterThan(50)
    const readers = files.filter((file) => /\bprocess\.env\b|\bimport\.meta\.env\b/.test(fs.readFileSync(file, 'utf8')))
    expect(readers.map((file) => path.relative(packageRoot, file))).toEqual([])
  })
})
