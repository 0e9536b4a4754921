/** Small DOM helpers of the web chat. Text only ever reaches the page through `textContent`. */

/** A new element with an optional class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string | null,
  text?: string | null,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/**
 * The page's element with id `id`, checked to be a `type` (the page shell in `web/page.ts` has them
 * all, so a miss is a bug worth a clear message).
 */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`The web chat page has no ${type.name} #${id}.`);
  return node;
}

/** `url` made absolute if its scheme is one a chat may link to (http(s), tg, ton, ftp, mailto), else `null`. */
export function safeHref(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url, location.href);
    return /^(https?|tg|ton|ftp|mailto):$/.test(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Opens `url` in a new tab when its scheme is safe. */
export function openSafe(url: string | undefined): void {
  const safe = safeHref(url);
  if (safe) window.open(safe, '_blank', 'noopener');
}
