export { type IndonesianTimezone, timezoneForRegion } from './timezone.js';
