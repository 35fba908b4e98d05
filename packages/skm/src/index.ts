export { requiredSampleSize } from './sample-size.js';
