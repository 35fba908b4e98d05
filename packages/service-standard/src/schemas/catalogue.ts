import { z } from 'zod';
import { LayananSchema } from './layanan.js';
import { PenyelenggaraSchema } from './penyelenggara.js';

/**
 * One YAML file of a catalogue. A file may hold agencies, services or both; a catalogue is
 * the union of its files.
 */
export const CatalogueFileSchema = z
  .strictObject({
    penyelenggara: z.array(PenyelenggaraSchema).optional(),
    layanan: z.array(LayananSchema).optional(),
  })
  .meta({
    title: 'MPP Kit catalogue file',
    description:
      'Agencies (penyelenggara) and services (layanan) with their standar pelayanan, as YAML.',
  });
/** One catalogue file after validation. */
export type CatalogueFile = z.infer<typeof CatalogueFileSchema>;
/** One catalogue file as written. */
export type CatalogueFileInput = z.input<typeof CatalogueFileSchema>;

/** A whole catalogue: every agency and service of its files, checked across files. */
export interface Catalogue {
  readonly penyelenggara: readonly z.infer<typeof PenyelenggaraSchema>[];
  readonly layanan: readonly z.infer<typeof LayananSchema>[];
}
