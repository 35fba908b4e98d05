import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectReflow } from '../../test-support/assertions.js';
import { ServiceNavigation } from '../service-navigation/service-navigation.js';
import { Header } from './header.js';

const meta = {
  title: 'Layout/Header',
  component: Header,
  parameters: { layout: 'fullscreen' },
  args: {
    serviceName: 'Mal Pelayanan Publik Kota Contoh',
    languages: [
      { lang: 'id', label: 'Bahasa Indonesia', href: '?lang=id' },
      { lang: 'en', label: 'English', href: '?lang=en' },
    ],
  },
} satisfies Meta<typeof Header>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  tags: ['reflow'],
  play: async ({ canvas, canvasElement, globals }) => {
    await expect(canvas.getByRole('banner')).toBeVisible();
    await expect(canvas.getByRole('navigation', { name: /bahasa|language/i })).toBeVisible();
    expectReflow(canvasElement, globals);
  },
};

export const WithNavigation: Story = {
  args: {
    children: (
      <ServiceNavigation
        items={[
          { href: '#layanan', text: 'Layanan', current: true },
          { href: '#antrean', text: 'Antrean' },
          { href: '#survei', text: 'Survei kepuasan' },
        ]}
      />
    ),
  },
};

export const WithoutLanguages: Story = { args: { languages: undefined } };

/** English strings come from the `en` catalogue. */
export const English: Story = {
  globals: { locale: 'en' },
  args: { currentLanguage: 'en' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('navigation', { name: 'Choose language' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'English' })).toHaveAttribute(
      'aria-current',
      'true',
    );
  },
};
