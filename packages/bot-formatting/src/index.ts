// Public surface of @org/bot-formatting: generic Telegram rich text, usable by any bot. Kept private on purpose: the entity normalizer and the
// text builder (implementation details of the helpers) and the reused Intl formatters (intl-cache.ts).

// Rich text as data
export type {
  CommonEntityType,
  CommonMessageEntity,
  CustomEmojiMessageEntity,
  EntityAttributes,
  EntityRange,
  MentionedUser,
  MessageEntity,
  MessageEntityType,
  PreMessageEntity,
  TextLinkMessageEntity,
  TextMentionMessageEntity,
} from './entities';
export type { FormatInput, FormattedText } from './rich-text';
export { concat, isFormattedText, join, lines, plain, slice, toFormatted } from './rich-text';
export { fmt } from './template';
export {
  blockquote,
  bold,
  code,
  expandableBlockquote,
  italic,
  link,
  pre,
  spoiler,
  strikethrough,
  underline,
} from './styles';

// Rendering and splitting
export type { PlainTextOptions } from './plain';
export { toPlainText } from './plain';
export { escapeHtml, toHtml } from './html';
export type { SplitOptions } from './split';
export { CAPTION_LIMIT, ENTITY_LIMIT, MESSAGE_LIMIT, split } from './split';
export { displayWidth, graphemes } from './graphemes';

// Report building blocks
export type { ColumnAlign, TableOptions } from './table';
export { formatTable, table } from './table';
export type { ProgressBarOptions } from './progress';
export { progressBar } from './progress';
export type { SparklineOptions } from './sparkline';
export { sparkline } from './sparkline';
export { formatMbps, formatNumber, formatPercent, formatVolume } from './units';
export { formatDuration } from './duration';
export type { Instant } from './time';
export { formatDate, formatDateTime, formatTime, formatTimeZone, isValidTimeZone } from './time';
export { plural } from './plural';

// Not here on purpose: the Plume report renderers (`@org/bot-formatting/plume`) and the telegraf
// adapter (`@org/bot-formatting/telegraf`), so that this entry depends on nothing.
