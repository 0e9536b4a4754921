import { describe, expect, it } from '@jest/globals';
import { renderQueuePlace } from './queue';

describe('renderQueuePlace', () => {
  it('says how many requests are ahead and about how long, rounded up to whole seconds', () => {
    expect(renderQueuePlace({ ahead: 14, waitMs: 4200 })).toEqual({
      text: '⏳ 14 requests ahead of yours, about 5 s',
      entities: [],
    });
    expect(renderQueuePlace({ ahead: 1, waitMs: 1000 }).text).toBe('⏳ 1 request ahead of yours, about 1 s');
    expect(renderQueuePlace({ ahead: 1500, waitMs: 95_000 }).text).toBe(
      '⏳ 1,500 requests ahead of yours, about 1 min 35 s',
    );
  });

  it('says when the request is next, never "about 0 s"', () => {
    expect(renderQueuePlace({ ahead: 0, waitMs: 0 }).text).toBe('⏳ Yours is next, about 1 s');
  });

  it('refuses a negative or fractional place and a negative wait', () => {
    expect(() => renderQueuePlace({ ahead: -1, waitMs: 0 })).toThrow(RangeError);
    expect(() => renderQueuePlace({ ahead: 1.5, waitMs: 0 })).toThrow(RangeError);
    expect(() => renderQueuePlace({ ahead: 0, waitMs: Number.NaN })).toThrow(RangeError);
  });
});
