import { concat, lines, type FormattedText } from '../rich-text';
import { bold, code } from '../styles';
import { plural } from '../plural';
import { finish, shown, type RenderOptions } from './shared';
import { renderNoData } from './no-data';

/** A location in a customer's list (`Customers/{id}/locations` items), structurally. */
export interface LocationListItem {
  readonly id: string;
  readonly name?: string | null;
}

/** Options of {@link renderLocationList}. */
export interface LocationListOptions extends RenderOptions {
  /** The customer the locations belong to, shown under the title. */
  readonly customerId?: string | null;
  /** The currently selected location, marked in the list. */
  readonly selectedId?: string | null;
}

/**
 * Renders a numbered list of locations with their ids (in `code`, so they can be copied), marking
 * the selected one. Names are shown as sent; a missing name reads "Unnamed location".
 *
 * @returns The message, already split to `limit`; a "no data" report when the list is empty.
 * @throws {RangeError} When `limit` is invalid.
 * @example
 * ```ts
 * renderLocationList([{ id: '65f1…', name: 'Home' }], { customerId, selectedId: '65f1…' });
 * ```
 */
export function renderLocationList(
  locations: readonly LocationListItem[],
  options: LocationListOptions = {},
): FormattedText[] {
  if (locations.length === 0) {
    return renderNoData('locations', { ...options, detail: 'No locations found for this customer.' });
  }
  const heading = bold(`🏠 Locations: ${plural(locations.length, 'location')}`);
  const customerId = shown(options.customerId, '');
  const title = customerId ? lines(heading, concat('Customer ', code(customerId))) : heading;
  const items = locations.map((location, index) => {
    const id = shown(location.id, '');
    return concat(
      `${index + 1}. `,
      bold(shown(location.name, 'Unnamed location')),
      id ? concat(' · ', code(id)) : '',
      location.id === options.selectedId ? ' ✓ selected' : '',
    );
  });
  return finish([title, lines(...items)], options);
}
