/** Attachment types a complaint may carry, recognised by their first bytes, not their name. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_ATTACHMENTS = 3;

const EXTENSION: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** The type of a file from its magic bytes; undefined for anything else (HTML, SVG, scripts…). */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return undefined;
}

/**
 * A display name safe in a Content-Disposition header and on a page: letters, digits, dot,
 * dash and underscore only, with the extension of the sniffed type (never the sender's).
 */
export function safeFilename(name: string, type: AttachmentType): string {
  const base =
    name
      .replace(/\.[^.]*$/, '')
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'lampiran';
  return `${base}.${EXTENSION[type]}`;
}
