import * as migration_20261122_161032_initial from './20261122_161032_initial'
import * as migration_20261122_163338_posts_series_tags_authors from './20261122_163338_posts_series_tags_authors'

export const migrations = [
  {
    up: migration_20261122_161032_initial.up,
    down: migration_20261122_161032_initial.down,
    name: '20261122_161032_initial',
  },
  {
    up: migration_20261122_163338_posts_series_tags_authors.up,
    down: migration_20261122_163338_posts_series_tags_authors.down,
    name: '20261122_163338_posts_series_tags_authors',
  },
]
