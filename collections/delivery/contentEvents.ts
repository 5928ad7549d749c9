import { EventEmitter } from 'node:events'

/**
 * "A document of collection X changed": emitted by every Devlog collection's hooks, so caches in
 * the same process (the server's response cache) can drop exactly what may show that document.
 */
const events = new EventEmitter()
events.setMaxListeners(50)

export function onContentChange(listener: (collection: string) => void): () => void {
  events.on('change', listener)
  return () => events.off('change', listener)
}

export function contentChanged(collection: string) {
  events.emit('change', collection)
}
