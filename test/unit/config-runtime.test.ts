// The runtime settings issue 9 added to src/config.ts: feed limits, the private-network switch
// for feed redirects and the log format — defaults, parsing and the errors that name the variable.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('runtime settings', () => {
  it('defaults: 5 heads-ups per poll, 14 days, no private redirects, auto log format', () => {
    expect(loadConfig({})).toMatchObject({ alertFeedMaxItemsPerPoll: 5, alertFeedMaxAgeDays: 14, alertFeedAllowPrivateNetwork: false, logFormat: 'auto' });
  });

  it('reads each variable', () => {
    expect(
      loadConfig({ ALERT_FEED_MAX_ITEMS_PER_POLL: '12', ALERT_FEED_MAX_AGE_DAYS: '90', ALERT_FEED_ALLOW_PRIVATE_NETWORK: 'true', LOG_FORMAT: 'json' }),
    ).toMatchObject({ alertFeedMaxItemsPerPoll: 12, alertFeedMaxAgeDays: 90, alertFeedAllowPrivateNetwork: true, logFormat: 'json' });
  });

  it('names every bad value in one error', () => {
    let message = '';
    try {
      loadConfig({ ALERT_FEED_MAX_ITEMS_PER_POLL: '0', ALERT_FEED_MAX_AGE_DAYS: 'a week', ALERT_FEED_ALLOW_PRIVATE_NETWORK: 'yes', LOG_FORMAT: 'xml' });
    } catch (error) {
      message = (error as { describe(): string }).describe();
    }
    expect(message).toMatch(/ALERT_FEED_MAX_ITEMS_PER_POLL: must be 1 or more/);
    expect(message).toMatch(/ALERT_FEED_MAX_AGE_DAYS: must be a whole number of days/);
    expect(message).toMatch(/ALERT_FEED_ALLOW_PRIVATE_NETWORK: must be true or false/);
    expect(message).toMatch(/LOG_FORMAT: /);
  });
});
