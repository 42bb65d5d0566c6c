// Which texts from data may become a link in the window. Evidence locations
// come from coaches and from colleagues' bundles: only a web address or an
// e-mail address is a link; anything else (a file path, `javascript:`,
// `data:`, a relative path…) is shown as plain text and never followed.

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Characters a browser silently drops or that hide what a text says:
 * controls (C0, DEL, C1), white space inside, zero-width and bidi controls.
 * A text holding any of them is not made a link.
 */
const DISGUISING = /[\u0000-\u0020\u007f-\u00a0\u00ad\u115f\u1160\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/u;

/** The scheme at the start of a text, as written (`JaVaScRiPt` included). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * The href to give a link to `text`, or null when it must be shown as text:
 * only absolute `http:` and `https:` addresses with a host, and `mailto:`.
 * The returned href is the parsed, normalised one (quotes and spaces escaped).
 */
export function safeHref(text: string): string | null {
  // Only plain spaces around are forgiven; any other invisible character refuses the link.
  const trimmed = text.replace(/^ +| +$/g, '');
  if (trimmed === '' || DISGUISING.test(trimmed)) return null;
  const scheme = SCHEME.exec(trimmed)?.[1];
  if (!scheme || !ALLOWED_PROTOCOLS.has(`${scheme.toLowerCase()}:`)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && (url.hostname === '' || !/^https?:\/\//i.test(trimmed))) return null;
  if (url.protocol === 'mailto:' && url.pathname === '') return null;
  return url.href;
}
