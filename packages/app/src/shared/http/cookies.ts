export const SESSION_COOKIE = 'mpp_session';
export const CSRF_COOKIE = 'mpp_csrf';
export const LANG_COOKIE = 'mpp_lang';

/** Parses a Cookie header (for the raw Node server; Astro pages use Astro.cookies). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed cookie is ignored, not an error
    }
  }
  return out;
}
