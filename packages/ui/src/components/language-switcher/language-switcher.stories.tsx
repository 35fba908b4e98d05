import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectTargetSize } from '../../test-support/assertions.js';
import { LanguageSwitcher } from './language-switcher.js';

const meta = {
  title: 'Layout/LanguageSwitcher',
  component: LanguageSwitcher,
  args: {
    current: 'id',
    languages: [
      { lang: 'id', label: 'Bahasa Indonesia', href: '?lang=id' },
      { lang: 'en', label: 'English', href: '?lang=en' },
    ],
  },
} satisfies Meta<typeof LanguageSwitcher>;
export default meta;

export const Default: StoryObj<typeof meta> = {
  play: async ({ canvas, userEvent }) => {
    const english = canvas.getByRole('link', { name: 'English' });
    await expect(english).toHaveAttribute('lang', 'en');
    await expect(english).toHaveAttribute('hreflang', 'en');
    await expect(canvas.getByRole('link', { name: 'Bahasa Indonesia' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await userEvent.tab();
    await userEvent.tab();
    await expect(english).toHaveFocus();
    expectTargetSize(canvas.getAllByRole('link'), 24);
  },
};
