import type { CustomerKey } from './customers';

/**
 * The health situations the built-in locations cover:
 * - `allWell`: every pod connected and healthy, full service;
 * - `onePodDisconnected`: one pod disconnected, the rest fine;
 * - `allOffline`: every pod disconnected, the location offline;
 * - `fairPoorWithAlerts`: all connected, pods with fair and poor health and alerts;
 * - `noServiceLevel`: healthy pods but no `serviceLevel.status`;
 * - `noNodes`: no pods at all, no report data.
 */
export type HealthCase =
  'allWell' | 'onePodDisconnected' | 'allOffline' | 'fairPoorWithAlerts' | 'noServiceLevel' | 'noNodes';

/** The keys of the built-in locations (`chainStore01` … `chainStore14` for the chain). */
export type LocationKey =
  | 'adaHome'
  | 'adaBeach'
  | 'graceCabin'
  | 'graceGarage'
  | 'snakeOffice'
  | 'snakeLab'
  | 'foreignHome'
  | 'flakyHome'
  | ChainStoreKey;

/** `chainStore01` … `chainStore14`: the chain customer's 14 stores. */
export type ChainStoreKey = `chainStore0${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}` | `chainStore1${0 | 1 | 2 | 3 | 4}`;

/** A built-in location and the wire variants it exercises. */
export interface LocationSpec {
  /** A short, stable key (e.g. `adaHome`, `chainStore07`). */
  readonly key: LocationKey;
  readonly id: string;
  readonly customer: CustomerKey;
  readonly name: string;
  readonly healthCase: HealthCase;
  readonly profile: 'auto' | 'smallbusiness';
  /** `nodes` list wrapped once (`{nodes: [...]}`) or twice (`{nodes: {nodes: [...]}}`). */
  readonly nodesWrapping: 'once' | 'twice';
  /** Where the speed test result sits: on the gateway node, on the location, or nowhere. */
  readonly speedTestOn: 'gateway' | 'location' | 'none';
  /** The Wi-Fi network's on/off field name. */
  readonly wifiEnableKey: 'enable' | 'enabled';
  /** The SSID of the main network. */
  readonly ssid: string;
}

const chainStoreNames = [
  'Mitte',
  'Kreuzberg',
  'Prenzlauer Berg',
  'Friedrichshain',
  'Neukölln',
  'Schöneberg',
  'Charlottenburg',
  'Wedding',
  'Moabit',
  'Pankow',
  'Spandau',
  'Köpenick',
  'Tempelhof',
  'Steglitz',
];

function chainStore(name: string, index: number): LocationSpec {
  const number = String(index + 1).padStart(2, '0');
  const healthCase: HealthCase =
    index === 6
      ? 'onePodDisconnected'
      : index === 11
        ? 'fairPoorWithAlerts'
        : index === 13
          ? 'noServiceLevel'
          : 'allWell';
  return {
    key: `chainStore${number}` as ChainStoreKey,
    id: `10ca7e0000000000000004${number}`,
    customer: 'chain',
    name: `Store ${number} · ${name}`,
    healthCase,
    profile: 'smallbusiness',
    nodesWrapping: index % 2 === 0 ? 'once' : 'twice',
    speedTestOn: 'gateway',
    wifiEnableKey: index % 3 === 0 ? 'enabled' : 'enable',
    ssid: `Cafe_${number}`,
  };
}

export const LOCATIONS: readonly LocationSpec[] = [
  {
    key: 'adaHome',
    id: '10ca7e000000000000000101',
    customer: 'ada',
    name: 'Home',
    healthCase: 'allWell',
    profile: 'auto',
    nodesWrapping: 'once',
    speedTestOn: 'gateway',
    wifiEnableKey: 'enable',
    ssid: 'Lovelace_Home',
  },
  {
    key: 'adaBeach',
    id: '10ca7e000000000000000102',
    customer: 'ada',
    name: 'Beach House 🏖️',
    healthCase: 'onePodDisconnected',
    profile: 'auto',
    nodesWrapping: 'twice',
    speedTestOn: 'none',
    wifiEnableKey: 'enabled',
    ssid: 'Beach *5G*',
  },
  {
    key: 'graceCabin',
    id: '10ca7e000000000000000201',
    customer: 'grace',
    name: 'Cabin',
    healthCase: 'allOffline',
    profile: 'auto',
    nodesWrapping: 'once',
    speedTestOn: 'location',
    wifiEnableKey: 'enable',
    ssid: 'COBOL_Cabin',
  },
  {
    key: 'graceGarage',
    id: '10ca7e000000000000000202',
    customer: 'grace',
    name: 'Garage (new install)',
    healthCase: 'noNodes',
    profile: 'auto',
    nodesWrapping: 'once',
    speedTestOn: 'none',
    wifiEnableKey: 'enabled',
    ssid: 'Garage',
  },
  {
    key: 'snakeOffice',
    id: '10ca7e000000000000000301',
    customer: 'snake',
    name: 'Office_*Main* [HQ] <1> & 🏢',
    healthCase: 'fairPoorWithAlerts',
    profile: 'smallbusiness',
    nodesWrapping: 'once',
    speedTestOn: 'gateway',
    wifiEnableKey: 'enable',
    ssid: '*Guest* [Free] <5G> & 🍩',
  },
  {
    key: 'snakeLab',
    id: '10ca7e000000000000000302',
    customer: 'snake',
    name: 'Lab 🧪',
    healthCase: 'noServiceLevel',
    profile: 'smallbusiness',
    nodesWrapping: 'twice',
    speedTestOn: 'gateway',
    wifiEnableKey: 'enabled',
    ssid: 'lab_net',
  },
  ...chainStoreNames.map(chainStore),
  {
    key: 'foreignHome',
    id: '10ca7e000000000000000f01',
    customer: 'foreign',
    name: 'Not Yours',
    healthCase: 'allWell',
    profile: 'auto',
    nodesWrapping: 'once',
    speedTestOn: 'gateway',
    wifiEnableKey: 'enable',
    ssid: 'Elsewhere',
  },
  {
    key: 'flakyHome',
    id: '10ca7e000000000000000601',
    customer: 'flaky',
    name: 'Flaky Flat',
    healthCase: 'allWell',
    profile: 'auto',
    nodesWrapping: 'once',
    speedTestOn: 'gateway',
    wifiEnableKey: 'enable',
    ssid: 'Flaky_Fiber',
  },
];
