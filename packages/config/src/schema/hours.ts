import { BilingualTextSchema, IsoDateSchema } from '@mpp-kit/service-standard';
import { z } from 'zod';
import { TimeOfDaySchema } from './common.js';

/** One opening interval of a day, local time. */
export const OpeningIntervalSchema = z.strictObject({
  open: TimeOfDaySchema,
  close: TimeOfDaySchema,
});
/** An opening interval. */
export type OpeningInterval = z.infer<typeof OpeningIntervalSchema>;

const Day = z.array(OpeningIntervalSchema).default([]);

/** Weekly opening hours; a day left out or empty is closed. */
export const OpeningHoursSchema = z.strictObject({
  monday: Day,
  tuesday: Day,
  wednesday: Day,
  thursday: Day,
  friday: Day,
  saturday: Day,
  sunday: Day,
});
/** Weekly opening hours. */
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;
/** A day of the week as used in {@link OpeningHours}. */
export type Weekday = keyof OpeningHours;

/** A closed day (national holiday, cuti bersama, local closure). */
export const HolidaySchema = z.strictObject({
  date: IsoDateSchema,
  name: BilingualTextSchema,
});
/** A holiday. */
export type Holiday = z.infer<typeof HolidaySchema>;
