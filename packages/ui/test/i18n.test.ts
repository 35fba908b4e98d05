import { describe, expect, it } from 'vitest';
import { catalogues, createTranslator, format } from '../src/index.js';

describe('string catalogues', () => {
  const locales = Object.keys(catalogues) as Array<keyof typeof catalogues>;

  it('ships Bahasa Indonesia and English', () => {
    expect(locales.sort()).toEqual(['en', 'id']);
  });

  for (const locale of locales) {
    for (const other of locales) {
      if (locale === other) continue;
      it(`${locale} has every key of ${other}`, () => {
        const missing = Object.keys(catalogues[other]).filter(
          (key) => !(key in catalogues[locale]),
        );
        expect(missing, `keys missing from the ${locale} catalogue`).toEqual([]);
      });
    }
    it(`${locale} has no empty string and keeps the same placeholders as id`, () => {
      for (const [key, value] of Object.entries(catalogues[locale])) {
        expect(value.trim(), key).not.toBe('');
        const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(value), key).toEqual(
          placeholders(catalogues.id[key as keyof typeof catalogues.id]),
        );
      }
    });
  }

  it('fills placeholders and keeps unknown ones', () => {
    expect(format('Sisa {count} karakter', { count: 3 })).toBe('Sisa 3 karakter');
    expect(format('Nomor {ticket}', {})).toBe('Nomor {ticket}');
  });

  it('applies overrides of single strings', () => {
    const t = createTranslator('id', { 'footer.help': 'Pusat bantuan' });
    expect(t('footer.help')).toBe('Pusat bantuan');
    expect(t('backLink.label')).toBe('Kembali');
  });
});
