import { dirname, extname, resolve } from 'node:path';

/** Where the logo named in `branding.logo` comes from, once checked. */
export type LogoSource =
  /** An `https:` address; the app lets pages load images from its origin. */
  | { readonly kind: 'url'; readonly url: string; readonly origin: string }
  /** A file next to the configuration (or at an absolute path), which the app serves itself. */
  | { readonly kind: 'file'; readonly path: string; readonly mediaType: LogoMediaType };

/** Image types a logo may have; served with exactly this content type. */
export type LogoMediaType = 'image/svg+xml' | 'image/png' | 'image/jpeg' | 'image/webp';

const MEDIA_TYPES: Readonly<Record<string, LogoMediaType>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** Why a logo cannot be used, in Bahasa Indonesia and English. */
export interface LogoProblem {
  readonly id: string;
  readonly en: string;
}

/**
 * Checks `branding.logo`: an `https:` URL, or a path (relative to the config file's folder) to an
 * SVG, PNG, JPEG or WebP file that exists. Other schemes (`http:` would be blocked as mixed
 * content, `data:` and `file:` are not addresses a browser should follow) are refused.
 */
export function resolveLogo(
  logo: string,
  configFile: string,
  fileExists: (path: string) => boolean,
): LogoSource | { readonly problem: LogoProblem } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(logo)) {
    let url: URL | undefined;
    try {
      url = new URL(logo);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'https:')
      return {
        problem: {
          id: 'logo harus alamat https: atau berkas gambar di samping berkas konfigurasi',
          en: 'the logo must be an https: address or an image file next to the configuration file',
        },
      };
    return { kind: 'url', url: url.href, origin: url.origin };
  }
  const mediaType = MEDIA_TYPES[extname(logo).toLowerCase()];
  if (!mediaType)
    return {
      problem: {
        id: 'logo harus berkas SVG, PNG, JPEG atau WebP',
        en: 'the logo must be an SVG, PNG, JPEG or WebP file',
      },
    };
  const path = resolve(dirname(configFile), logo);
  if (!fileExists(path))
    return {
      problem: { id: `berkas logo tidak ditemukan: ${path}`, en: `logo file not found: ${path}` },
    };
  return { kind: 'file', path, mediaType };
}
