import { Context } from 'telegraf';
import type { ChartServices } from './charts/load-chart';
import type { BotMetrics } from './http/bot-metrics';
import type { Logger } from './logger';
import type { MonitoringServices } from './monitoring/services';
import type { PlumeGateway } from './plume/gateway';
import type { TeamStore } from './storage/team-store';
import type { SettingsStore } from './storage/settings-store';
import type { UserStore } from './storage/user-store';

/** Settings of the team features, from the configuration. */
export interface TeamSettings {
  /** How long an invite link stays valid, in ms (`INVITE_EXPIRY_HOURS`). */
  inviteTtlMs: number;
}

/** What every handler may use; passed in by `createBot(deps)`, never imported as a global. */
export interface BotServices {
  store: UserStore;
  /** Workspaces, members, invites, team chats and the audit log. */
  team: TeamStore;
  /** Each person's alert settings and alert route. */
  settings: SettingsStore;
  plume: PlumeGateway;
  logger: Logger;
  /** The time now, in ms (invites expire by it). */
  clock: () => number;
  teamSettings: TeamSettings;
  metrics: BotMetrics;
  monitoring: MonitoringServices;
  charts: ChartServices;
}

/** telegraf's context plus the bot's services (`ctx.services`). */
export class BotContext extends Context {
  declare services: BotServices;
}
