import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { expectReflow } from '../../test-support/assertions.js';
import { exampleStandard } from './example-standard.js';
import { ServiceStandardView } from './service-standard-view.js';

const meta = {
  title: 'MPP/ServiceStandardView',
  component: ServiceStandardView,
  args: {
    serviceName: { id: 'Penerbitan KTP elektronik', en: 'Electronic ID card issuance' },
    standard: exampleStandard,
  },
} satisfies Meta<typeof ServiceStandardView>;
export default meta;
type Story = StoryObj<typeof meta>;

/** All 14 components, numbered, under the two regulation groups. */
export const AllComponents: Story = {
  tags: ['reflow'],
  play: async ({ canvas, canvasElement, globals }) => {
    await expect(
      canvas.getByRole('heading', { level: 1, name: 'Penerbitan KTP elektronik' }),
    ).toBeVisible();
    const components = canvas.getAllByRole('heading', { level: 3 });
    await expect(components).toHaveLength(14);
    await expect(components[0]).toHaveTextContent('1. Persyaratan');
    await expect(components[13]).toHaveTextContent('14. Evaluasi kinerja pelaksana');
    await expect(canvas.getByText('Gratis')).toBeVisible();
    await expect(canvas.getByText('1 hari kerja')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Cetak halaman ini' })).toBeVisible();
    expectReflow(canvasElement, globals);
  },
};

export const WithFees: Story = {
  args: {
    serviceName: 'Paspor biasa',
    standard: {
      ...exampleStandard,
      biaya: {
        free: false,
        tarif: [
          {
            description: { id: 'Paspor elektronik 10 tahun', en: 'Electronic passport, 10 years' },
            amount: 650000,
            legalBasis: {
              type: 'peraturan-pemerintah',
              number: '28',
              year: 2019,
              title: 'Jenis dan Tarif atas Jenis PNBP',
            },
          },
        ],
      },
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('cell', { name: /Rp\s?650\.000/ })).toBeVisible();
  },
};
