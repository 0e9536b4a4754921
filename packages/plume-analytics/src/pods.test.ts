import { describe, expect, it } from '@jest/globals';
import { deepFreeze } from './test-support';
import { analyzeLocationHealth } from './location-health';
import { analyzePods } from './pods';

describe('analyzePods', () => {
  const nodes = deepFreeze([
    {
      id: 'GW1',
      nickname: ' Hall ',
      connectionState: 'Connected',
      health: { status: 'Good', score: 4 },
      backhaulType: 'WiFi',
      networkMode: 'Router',
      vendor: { partNumber: 'PP403Z' },
      firmwareVersion: '6.2.0',
      mac: 'aa:bb:cc:dd:ee:ff',
      ip: '192.168.1.2',
      connectedDeviceCount: 7,
      alerts: [{ type: 'highInterference' }, 'raw', {}, null],
    },
    null,
    {
      id: 'P2',
      defaultName: 'Attic',
      serialNumber: 'SER-2',
      model: 'PP203',
      vendor: { partNumber: 'PP403Z' },
      networkMode: 'bridge',
    },
  ]);

  it('decides each fact of a pod once: name, connection, health, backhaul, role, model and serial', () => {
    expect(analyzePods(nodes)).toEqual([
      {
        id: 'GW1',
        name: 'Hall',
        connected: true,
        connectionState: 'connected',
        health: 'good',
        healthScore: 4,
        backhaul: 'mesh',
        alerts: ['highInterference', 'raw', 'unknown'],
        connectedDevices: 7,
        gateway: true,
        networkMode: 'router',
        model: 'PP403Z',
        firmwareVersion: '6.2.0',
        mac: 'aa:bb:cc:dd:ee:ff',
        ip: '192.168.1.2',
        serialNumber: 'GW1',
      },
      {
        id: 'P2',
        name: 'Attic',
        connected: false,
        connectionState: null,
        health: null,
        healthScore: null,
        backhaul: 'unknown',
        alerts: [],
        connectedDevices: 0,
        gateway: false,
        networkMode: 'bridge',
        model: 'PP203',
        firmwareVersion: null,
        mac: null,
        ip: null,
        serialNumber: 'SER-2',
      },
    ]);
  });

  it('gives the same pods as the health analysis', () => {
    expect(analyzePods(nodes)).toEqual(analyzeLocationHealth({ nodes }).pods);
  });

  it('treats a missing list as empty', () => {
    expect(analyzePods(null)).toEqual([]);
    expect(analyzePods(undefined)).toEqual([]);
  });
});
