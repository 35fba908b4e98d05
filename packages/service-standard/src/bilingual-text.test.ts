import { describe, expect, it } from 'vitest';
import { BilingualTextSchema, localize } from './index.js';

describe('BilingualText', () => {
  it('requires Indonesian and falls back to it', () => {
    const text = BilingualTextSchema.parse({ id: 'Paspor' });
    expect(localize(text, 'en')).toBe('Paspor');
    expect(localize({ id: 'Paspor', en: 'Passport' }, 'en')).toBe('Passport');
  });
  it('rejects empty Indonesian text with a bilingual message', () => {
    const result = BilingualTextSchema.safeParse({ id: '  ', en: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Indonesian text is required/);
  });
});
