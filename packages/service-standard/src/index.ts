export { type BilingualText, BilingualTextSchema, localize } from './bilingual-text.js';
