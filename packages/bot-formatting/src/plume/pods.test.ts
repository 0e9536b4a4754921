import { describe, expect, it } from '@jest/globals';
import { analyzePods } from '@org/plume-analytics';
import { renderPodDetails } from './pods';
import { covered, textOf } from './testing/fixtures';

describe('renderPodDetails()', () => {
  const parts = renderPodDetails(
    analyzePods([
      {
        id: 'SN-1',
        nickname: 'Hall <i>',
        defaultName: 'Pod 1',
        connectionState: 'Connected',
        health: { status: 'Good', score: 4 },
        backhaulType: 'wifi',
        connectedDeviceCount: 7,
        vendor: { partNumber: 'PP403Z' },
        firmwareVersion: '6.2.0',
        mac: 'aa:bb:cc:dd:ee:ff',
        ip: '192.168.1.2',
        networkMode: 'router',
        alerts: [{ type: 'highInterference' }, 'raw', {}, null],
      },
      { defaultName: 'Attic', connectionState: null, networkMode: 'Bridge', backhaulType: 'ethernet' },
    ]),
    { location: { name: 'Home', id: 'loc-1' } },
  );
  const text = textOf(parts);

  it('shows every field of a pod in an aligned table under its name', () => {
    expect(text).toContain('📡 Pod details (2 pods)\n🏠 Home · loc-1');
    expect(text).toContain('✅ Hall <i>\n');
    for (const line of [
      'State     connected',
      'Health    good (score 4)',
      'Backhaul  Mesh',
      'Role      gateway',
      'Devices   7',
      'Model     PP403Z',
      'Firmware  6.2.0',
      'MAC       aa:bb:cc:dd:ee:ff',
      'IP        192.168.1.2',
      'Serial    SN-1',
      'Alert     highInterference',
      'Alert     raw',
      'Alert     unknown',
    ]) {
      expect(text).toContain(line);
    }
    expect(covered(parts, 'pre')).toHaveLength(2);
  });

  it('falls back to the default name and shows missing values as n/a', () => {
    expect(text).toContain('🔴 Attic\nState     disconnected');
    expect(text).toContain('Backhaul  Ethernet');
    expect(text).toContain('Role      bridge');
    expect(text).toContain('MAC       n/a');
  });

  it('says so when there is no pod', () => {
    expect(textOf(renderPodDetails([]))).toContain('No pods found for this location.');
  });
});
