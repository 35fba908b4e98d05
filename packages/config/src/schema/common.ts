import { nonBlank } from '@mpp-kit/service-standard';
import { z } from 'zod';

/** A short identifier used inside one config file (tenant, zone, device, class codes). */
export const LocalCodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
    error:
      'kode hanya huruf kecil, angka, titik dan tanda hubung / code must be lower-case letters, digits, dots and hyphens',
  })
  .max(64, { error: 'kode paling panjang 64 karakter / code must be at most 64 characters' });

/** Time of day `HH:MM`, 24-hour clock. */
export const TimeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, {
  error: 'jam harus berbentuk HH:MM (00:00–23:59) / time must be HH:MM (00:00–23:59)',
});

/** A colour as `#rrggbb`. */
export const HexColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, {
  error: 'warna harus berbentuk #rrggbb / colour must be #rrggbb',
});

/** Non-blank text. */
export const TextSchema = nonBlank();
