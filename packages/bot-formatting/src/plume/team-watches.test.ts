import { describe, expect, it } from '@jest/globals';
import { renderTeamWatches } from './team-watches';
import { renderWatchList } from './watches';

const now = Date.UTC(2026, 11, 4, 10, 0);

describe('renderTeamWatches', () => {
  it('counts each member’s watches, those with something wrong now and those muted', () => {
    const members = Object.freeze([
      {
        name: 'Sue',
        role: 'support',
        watches: [
          { locationName: 'Flaky Flat', openConditions: ['locationOffline'] },
          { locationName: 'Home', mutedUntil: now + 60_000 },
          { locationName: 'Shop', mutedUntil: now - 60_000 },
        ],
      },
      { name: 'Vic', role: 'viewer', watches: [] },
    ]);
    expect(renderTeamWatches(members, { now })[0]?.text).toBe(
      [
        "👥 The team's watches: 3 locations, 2 members",
        '',
        '1. Sue (support): 3 locations · 🔴 1 now · 🔕 1 muted',
        '2. Vic (viewer): no location',
        '',
        'Press a member to see their watches and manage them.',
      ].join('\n'),
    );
  });
});

describe('renderWatchList for another member', () => {
  it('names whose watches they are, and gives no instructions when there are none', () => {
    const list = renderWatchList([{ locationName: 'Flaky Flat' }], { now, owner: 'Sue' })[0]?.text;
    expect(list?.split('\n')[0]).toBe('👁 Sue watches 1 location');
    expect(renderWatchList([], { now, owner: 'Sue' })[0]?.text).toBe('👁 Sue watches no location');
  });
});
