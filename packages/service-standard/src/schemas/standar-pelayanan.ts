import { z } from 'zod';
import { BilingualTextSchema } from '../bilingual-text.js';
import {
  DurationSchema,
  IsoDateSchema,
  KelompokRentanSchema,
  PlainTextSchema,
  VersionSchema,
} from './common.js';
import { LegalReferenceSchema } from './legal-reference.js';

const atLeastOne = (what: { id: string; en: string }) => ({
  error: `${what.id} paling sedikit satu butir / ${what.en} needs at least one item`,
});

/** One required document or item (persyaratan). */
export const RequirementSchema = z.strictObject({
  document: BilingualTextSchema,
  /** Original, copy, both, or an electronic file. */
  form: z.enum(['original', 'copy', 'original-and-copy', 'electronic']).default('original'),
  count: z
    .int({ error: 'jumlah berkas harus bilangan bulat / count must be a whole number' })
    .min(1, { error: 'jumlah berkas paling sedikit 1 / count must be at least 1' })
    .max(100)
    .default(1),
  /** Who brings or produces it. */
  providedBy: z.enum(['applicant', 'provider', 'third-party']).default('applicant'),
  /** When it applies, e.g. only for applicants under 17. */
  condition: BilingualTextSchema.optional(),
  optional: z.boolean().default(false),
});
/** One requirement of a service. */
export type Requirement = z.infer<typeof RequirementSchema>;

/** One step of the procedure (sistem, mekanisme, dan prosedur), in order. */
export const ProcedureStepSchema = z.strictObject({
  actor: z.enum(['applicant', 'officer', 'system', 'third-party']),
  description: BilingualTextSchema,
  duration: DurationSchema.optional(),
});
/** A procedure step. */
export type ProcedureStep = z.infer<typeof ProcedureStepSchema>;

/** Sistem, mekanisme, dan prosedur: ordered steps. */
export const ProsedurSchema = z.strictObject({
  steps: z.array(ProcedureStepSchema).min(1, atLeastOne({ id: 'prosedur', en: 'procedure' })),
  note: BilingualTextSchema.optional(),
});
/** The procedure of a service. */
export type Prosedur = z.infer<typeof ProsedurSchema>;

/** Jangka waktu pelayanan: the time to complete the whole service. */
export const JangkaWaktuSchema = DurationSchema.extend({
  note: BilingualTextSchema.optional(),
});
/** Completion time. */
export type JangkaWaktu = z.infer<typeof JangkaWaktuSchema>;

const RupiahSchema = z
  .int({ error: 'harus bilangan bulat rupiah ≥ 0 / must be a whole number of rupiah ≥ 0' })
  .min(0, { error: 'harus bilangan bulat rupiah ≥ 0 / must be a whole number of rupiah ≥ 0' })
  .max(1_000_000_000_000, {
    error: 'tarif terlalu besar / fee is too large',
  });

/**
 * One fee line (tarif) with its legal basis: a fixed `amount` in whole rupiah, or — for fees
 * computed per case, such as a building-approval levy — a `formula` in words. Exactly one of
 * the two is given (checked by the catalogue loader).
 */
export const TarifSchema = z.strictObject({
  description: BilingualTextSchema,
  amount: RupiahSchema.optional(),
  formula: BilingualTextSchema.optional(),
  legalBasis: LegalReferenceSchema,
});
/** A fee line. */
export type Tarif = z.infer<typeof TarifSchema>;

/** Biaya/tarif: free of charge, or fee lines in whole rupiah. */
export const BiayaSchema = z.discriminatedUnion(
  'free',
  [
    z.strictObject({
      free: z.literal(true),
      legalBasis: z.array(LegalReferenceSchema).optional(),
      note: BilingualTextSchema.optional(),
    }),
    z.strictObject({
      free: z.literal(false),
      tarif: z.array(TarifSchema).min(1, atLeastOne({ id: 'tarif', en: 'fee list' })),
      note: BilingualTextSchema.optional(),
    }),
  ],
  {
    error:
      "biaya harus memuat 'free: true' (gratis) atau 'free: false' dengan daftar tarif / fee must have 'free: true' or 'free: false' with a fee list",
  },
);
/** The fee component. */
export type Biaya = z.infer<typeof BiayaSchema>;

/** Produk pelayanan: what the applicant receives. */
export const ProductSchema = z.strictObject({
  name: BilingualTextSchema,
  form: z.enum(['physical', 'electronic', 'physical-or-electronic']).default('physical'),
});
/** A product of a service. */
export type Product = z.infer<typeof ProductSchema>;

/** Channels through which complaints are received. */
export const ComplaintChannelSchema = z.strictObject({
  kind: z.enum([
    'sp4n-lapor',
    'in-person',
    'complaint-box',
    'phone',
    'whatsapp',
    'email',
    'website',
    'social-media',
  ]),
  /** Address, number or handle; not needed for SP4N-LAPOR!. */
  contact: PlainTextSchema.optional(),
});
/** A complaint channel. */
export type ComplaintChannel = z.infer<typeof ComplaintChannelSchema>;

/** Penanganan pengaduan, saran dan masukan. */
export const PenangananPengaduanSchema = z.strictObject({
  channels: z
    .array(ComplaintChannelSchema)
    .min(1, atLeastOne({ id: 'kanal pengaduan', en: 'complaint channels' })),
  responseTime: DurationSchema.optional(),
  description: BilingualTextSchema.optional(),
});
/** Complaint handling. */
export type PenangananPengaduan = z.infer<typeof PenangananPengaduanSchema>;

/** Sarana, prasarana dan/atau fasilitas, including those for vulnerable groups. */
export const SaranaSchema = z.strictObject({
  general: z.array(BilingualTextSchema).min(1, atLeastOne({ id: 'sarana', en: 'facilities' })),
  vulnerableGroups: z
    .array(BilingualTextSchema)
    .min(1, atLeastOne({ id: 'sarana kelompok rentan', en: 'facilities for vulnerable groups' })),
});
/** Facilities. */
export type Sarana = z.infer<typeof SaranaSchema>;

/** Jumlah pelaksana: officers assigned per service point. */
export const JumlahPelaksanaSchema = z.strictObject({
  count: z
    .int({
      error: 'jumlah pelaksana harus bilangan bulat / number of officers must be a whole number',
    })
    .min(1, { error: 'jumlah pelaksana paling sedikit 1 / at least one officer' })
    .max(10000),
  description: BilingualTextSchema.optional(),
});
/** Number of officers. */
export type JumlahPelaksana = z.infer<typeof JumlahPelaksanaSchema>;

/** Evaluasi kinerja pelaksana. */
export const EvaluasiKinerjaSchema = z.strictObject({
  method: BilingualTextSchema,
  frequency: z.enum(['monthly', 'quarterly', 'semester', 'yearly']),
});
/** Performance evaluation. */
export type EvaluasiKinerja = z.infer<typeof EvaluasiKinerjaSchema>;

/** A Forum Konsultasi Publik held on the draft standard (PermenPANRB 16/2017). */
export const ForumKonsultasiPublikSchema = z.strictObject({
  date: IsoDateSchema,
  place: PlainTextSchema.optional(),
  participants: z.array(PlainTextSchema).optional(),
  summary: BilingualTextSchema.optional(),
});
/** A public-consultation record. */
export type ForumKonsultasiPublik = z.infer<typeof ForumKonsultasiPublikSchema>;

/** Publication metadata of one version of a standard. */
export const PublicationSchema = z.strictObject({
  effectiveDate: IsoDateSchema,
  nextReview: IsoDateSchema.optional(),
  /** The official who adopted (menetapkan) the standard, and the decree that did so. */
  adoptedBy: z.strictObject({
    office: BilingualTextSchema,
    instrument: LegalReferenceSchema.optional(),
  }),
  forumKonsultasiPublik: ForumKonsultasiPublikSchema.optional(),
  /** The maklumat pelayanan: the provider's public pledge to deliver to this standard. */
  maklumatPelayanan: BilingualTextSchema.optional(),
});
/** Publication metadata. */
export type Publication = z.infer<typeof PublicationSchema>;

/**
 * One version of a *standar pelayanan* with all 14 components of UU 25/2009 Pasal 21 and
 * PermenPANRB 15/2014: six service-delivery components (persyaratan … penangananPengaduan),
 * which must be published, and eight management components (dasarHukum … evaluasiKinerja).
 */
export const StandarPelayananSchema = z
  .strictObject({
    version: VersionSchema,
    // Service delivery (penyampaian pelayanan)
    persyaratan: z
      .array(RequirementSchema)
      .min(1, atLeastOne({ id: 'persyaratan', en: 'requirements' })),
    prosedur: ProsedurSchema,
    jangkaWaktu: JangkaWaktuSchema,
    biaya: BiayaSchema,
    produk: z.array(ProductSchema).min(1, atLeastOne({ id: 'produk', en: 'products' })),
    penangananPengaduan: PenangananPengaduanSchema,
    // Management (pengelolaan pelayanan)
    dasarHukum: z
      .array(LegalReferenceSchema)
      .min(1, atLeastOne({ id: 'dasar hukum', en: 'legal basis' })),
    sarana: SaranaSchema,
    kompetensiPelaksana: z
      .array(BilingualTextSchema)
      .min(1, atLeastOne({ id: 'kompetensi pelaksana', en: 'officer competences' })),
    pengawasanInternal: z
      .array(BilingualTextSchema)
      .min(1, atLeastOne({ id: 'pengawasan internal', en: 'internal supervision' })),
    jumlahPelaksana: JumlahPelaksanaSchema,
    jaminanPelayanan: BilingualTextSchema,
    jaminanKeamanan: BilingualTextSchema,
    evaluasiKinerja: EvaluasiKinerjaSchema,
    publication: PublicationSchema,
    /** Vulnerable groups given priority service for this standard. */
    priorityFor: z.array(KelompokRentanSchema).optional(),
  })
  .meta({ title: 'StandarPelayanan' });
/** One version of a service standard (standar pelayanan). */
export type StandarPelayanan = z.infer<typeof StandarPelayananSchema>;
/** A standard as written in a YAML file, before defaults are applied. */
export type StandarPelayananInput = z.input<typeof StandarPelayananSchema>;

/** The 14 components, in regulation order, with their group and bilingual label. */
export const KOMPONEN_STANDAR = [
  { key: 'persyaratan', group: 'penyampaian', label: { id: 'Persyaratan', en: 'Requirements' } },
  {
    key: 'prosedur',
    group: 'penyampaian',
    label: { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' },
  },
  {
    key: 'jangkaWaktu',
    group: 'penyampaian',
    label: { id: 'Jangka waktu pelayanan', en: 'Completion time' },
  },
  { key: 'biaya', group: 'penyampaian', label: { id: 'Biaya/tarif', en: 'Fees' } },
  {
    key: 'produk',
    group: 'penyampaian',
    label: { id: 'Produk pelayanan', en: 'Service products' },
  },
  {
    key: 'penangananPengaduan',
    group: 'penyampaian',
    label: {
      id: 'Penanganan pengaduan, saran dan masukan',
      en: 'Complaints, suggestions and feedback',
    },
  },
  { key: 'dasarHukum', group: 'pengelolaan', label: { id: 'Dasar hukum', en: 'Legal basis' } },
  {
    key: 'sarana',
    group: 'pengelolaan',
    label: { id: 'Sarana, prasarana dan/atau fasilitas', en: 'Facilities and infrastructure' },
  },
  {
    key: 'kompetensiPelaksana',
    group: 'pengelolaan',
    label: { id: 'Kompetensi pelaksana', en: 'Officer competence' },
  },
  {
    key: 'pengawasanInternal',
    group: 'pengelolaan',
    label: { id: 'Pengawasan internal', en: 'Internal supervision' },
  },
  {
    key: 'jumlahPelaksana',
    group: 'pengelolaan',
    label: { id: 'Jumlah pelaksana', en: 'Number of officers' },
  },
  {
    key: 'jaminanPelayanan',
    group: 'pengelolaan',
    label: { id: 'Jaminan pelayanan', en: 'Service guarantee' },
  },
  {
    key: 'jaminanKeamanan',
    group: 'pengelolaan',
    label: {
      id: 'Jaminan keamanan dan keselamatan pelayanan',
      en: 'Security and safety guarantee',
    },
  },
  {
    key: 'evaluasiKinerja',
    group: 'pengelolaan',
    label: { id: 'Evaluasi kinerja pelaksana', en: 'Officer performance evaluation' },
  },
] as const satisfies ReadonlyArray<{
  key: keyof StandarPelayanan;
  group: 'penyampaian' | 'pengelolaan';
  label: { id: string; en: string };
}>;
/** The key of one of the 14 components. */
export type KomponenKey = (typeof KOMPONEN_STANDAR)[number]['key'];
