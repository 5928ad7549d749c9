import * as migration_20261122_161032_initial from './20261122_161032_initial';
import * as migration_20261122_163613_blog_posts_series_jobs from './20261122_163613_blog_posts_series_jobs';
import * as migration_20261122_165320_retrospectives from './20261122_165320_retrospectives';
import * as migration_20261122_171211_study_groups from './20261122_171211_study_groups';
import * as migration_20261122_171936_retrospective_study_links from './20261122_171936_retrospective_study_links';
import * as migration_20261122_173918_search_index from './20261122_173918_search_index';
import * as migration_20261122_175407_webhooks from './20261122_175407_webhooks';
import * as migration_20261122_220335_read_indexes_default_populate from './20261122_220335_read_indexes_default_populate';
import * as migration_20261123_160915_import_source_hash from './20261123_160915_import_source_hash';
import * as migration_20261130_225837_members_email_not_unique from './20261130_225837_members_email_not_unique';
import * as migration_20261201_001139_users_no_account_lockout from './20261201_001139_users_no_account_lockout';
import * as migration_20261201_021500_users_names from './20261201_021500_users_names';
import * as migration_20261201_062140_member_feeds from './20261201_062140_member_feeds';
import * as migration_20261201_063546_study_notices from './20261201_063546_study_notices';
import * as migration_20261201_070755_content_api_keys from './20261201_070755_content_api_keys';
import * as migration_20261201_121624_jobs_concurrency_key from './20261201_121624_jobs_concurrency_key';

export const migrations = [
  {
    up: migration_20261122_161032_initial.up,
    down: migration_20261122_161032_initial.down,
    name: '20261122_161032_initial',
  },
  {
    up: migration_20261122_163613_blog_posts_series_jobs.up,
    down: migration_20261122_163613_blog_posts_series_jobs.down,
    name: '20261122_163613_blog_posts_series_jobs',
  },
  {
    up: migration_20261122_165320_retrospectives.up,
    down: migration_20261122_165320_retrospectives.down,
    name: '20261122_165320_retrospectives',
  },
  {
    up: migration_20261122_171211_study_groups.up,
    down: migration_20261122_171211_study_groups.down,
    name: '20261122_171211_study_groups',
  },
  {
    up: migration_20261122_171936_retrospective_study_links.up,
    down: migration_20261122_171936_retrospective_study_links.down,
    name: '20261122_171936_retrospective_study_links',
  },
  {
    up: migration_20261122_173918_search_index.up,
    down: migration_20261122_173918_search_index.down,
    name: '20261122_173918_search_index',
  },
  {
    up: migration_20261122_175407_webhooks.up,
    down: migration_20261122_175407_webhooks.down,
    name: '20261122_175407_webhooks',
  },
  {
    up: migration_20261122_220335_read_indexes_default_populate.up,
    down: migration_20261122_220335_read_indexes_default_populate.down,
    name: '20261122_220335_read_indexes_default_populate',
  },
  {
    up: migration_20261123_160915_import_source_hash.up,
    down: migration_20261123_160915_import_source_hash.down,
    name: '20261123_160915_import_source_hash',
  },
  {
    up: migration_20261130_225837_members_email_not_unique.up,
    down: migration_20261130_225837_members_email_not_unique.down,
    name: '20261130_225837_members_email_not_unique',
  },
  {
    up: migration_20261201_001139_users_no_account_lockout.up,
    down: migration_20261201_001139_users_no_account_lockout.down,
    name: '20261201_001139_users_no_account_lockout',
  },
  {
    up: migration_20261201_021500_users_names.up,
    down: migration_20261201_021500_users_names.down,
    name: '20261201_021500_users_names',
  },
  {
    up: migration_20261201_062140_member_feeds.up,
    down: migration_20261201_062140_member_feeds.down,
    name: '20261201_062140_member_feeds',
  },
  {
    up: migration_20261201_063546_study_notices.up,
    down: migration_20261201_063546_study_notices.down,
    name: '20261201_063546_study_notices',
  },
  {
    up: migration_20261201_070755_content_api_keys.up,
    down: migration_20261201_070755_content_api_keys.down,
    name: '20261201_070755_content_api_keys',
  },
  {
    up: migration_20261201_121624_jobs_concurrency_key.up,
    down: migration_20261201_121624_jobs_concurrency_key.down,
    name: '20261201_121624_jobs_concurrency_key'
  },
];
