/** The bot's commands, in menu order, as registered with setMyCommands and listed by /help. */
export const COMMANDS = [
  { command: 'start', description: 'Where am I? Your next step' },
  { command: 'help', description: 'What this bot can do' },
  { command: 'setup', description: 'Connect your Plume partner account' },
  { command: 'locations', description: 'Find a customer and pick a location' },
  { command: 'status', description: 'Health report of the location' },
  { command: 'wan', description: 'WAN consumption, last 24 hours' },
  { command: 'stats', description: 'Online time: 3 h, 24 h or 7 days' },
  { command: 'nodes', description: 'Pods and their details' },
  { command: 'wifi', description: 'Wi-Fi networks (never passwords)' },
  { command: 'settings', description: 'Time zone, quiet hours, digest, reminders' },
  { command: 'alerts', description: 'In a group: /alerts here sends your alerts there' },
  { command: 'cancel', description: 'Stop the current question' },
  { command: 'logout', description: 'Erase my credentials and selection' },
] as const;
