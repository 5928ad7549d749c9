import { EventEmitter } from 'node:events'
import type { CollectionConfig } from 'payload'

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

/**
 * Adds the change notification to a collection. It fires after the change and once more on the
 * next turn, after Payload has committed the operation's transaction, so a read racing the commit
 * cannot leave stale content cached.
 */
export function withChangeEvents(collection: CollectionConfig): CollectionConfig {
  const notify = () => {
    contentChanged(collection.slug)
    setImmediate(() => contentChanged(collection.slug))
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), ({ doc }) => (notify(), doc)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), ({ doc }) => (notify(), doc)],
    },
  }
}
