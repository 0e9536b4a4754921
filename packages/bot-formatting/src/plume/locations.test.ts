import { describe, expect, it } from '@jest/globals';
import { renderLocationList } from './locations';
import { renderNoData } from './no-data';
import { covered, textOf } from './testing/fixtures';

describe('renderLocationList()', () => {
  it('numbers the locations with copyable ids and marks the selected one', () => {
    const parts = renderLocationList(
      [
        { id: 'a1', name: 'Home_1 *' },
        { id: 'b2', name: null },
      ],
      { customerId: 'cust-9', selectedId: 'b2' },
    );
    const text = textOf(parts);
    expect(text).toContain('🏠 Locations: 2 locations\nCustomer cust-9');
    expect(text).toContain('1. Home_1 * · a1\n2. Unnamed location · b2 ✓ selected');
    expect(covered(parts, 'code')).toEqual(['cust-9', 'a1', 'b2']);
  });

  it('splits a long list and keeps every location', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ id: `id-${i}`, name: `Location ${i}` }));
    const parts = renderLocationList(many, { limit: 1024 });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.text.length <= 1024)).toBe(true);
    expect(textOf(parts)).toContain('400. Location 399 · id-399');
  });

  it('renders an empty list as no data', () => {
    expect(textOf(renderLocationList([]))).toContain('No locations found for this customer.');
  });
});

describe('renderNoData()', () => {
  it('states the subject, the location, the detail and the hint', () => {
    const parts = renderNoData('WAN consumption', { location: { name: 'Home' }, hint: 'Try again in an hour.' });
    expect(textOf(parts)).toBe(
      '⚪ No data: WAN consumption\n🏠 Home\nPlume Cloud returned no data for this period.\nTry again in an hour.',
    );
    expect(covered(parts, 'italic')).toEqual(['Try again in an hour.']);
  });
});
