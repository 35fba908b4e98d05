import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect, test } from 'vitest';
import HomeIntro from '../src/overrides/HomeIntro.astro';

test('the home introduction keeps the name as the heading and welcomes in the page language', async () => {
  const container = await AstroContainer.create();
  const props = { name: 'MPP Kota Contoh', tagline: 'Satu tempat untuk semua layanan' };
  const id = await container.renderToString(HomeIntro, { props: { ...props, lang: 'id' } });
  expect(id).toMatch(/<h1[^>]*>MPP Kota Contoh<\/h1>/);
  expect(id).toContain('Ambil satu nomor antrean');
  const en = await container.renderToString(HomeIntro, { props: { ...props, lang: 'en' } });
  expect(en).toContain('Take one queue ticket');
  expect(en).not.toContain('Ambil satu nomor antrean');
});
