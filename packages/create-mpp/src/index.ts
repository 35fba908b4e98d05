export { CreateMppError, invalidAnswer } from './errors.js';
export { PROVINCES, provinceForRegion } from './provinces.js';
