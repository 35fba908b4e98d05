import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { BackLink } from '../components/back-link/back-link.js';
import { Breadcrumbs } from '../components/breadcrumbs/breadcrumbs.js';
import { Button } from '../components/button/button.js';
import { Footer } from '../components/footer/footer.js';
import { Form } from '../components/form/form.js';
import { Header } from '../components/header/header.js';
import { Radios } from '../components/radios/radios.js';
import { ServiceNavigation } from '../components/service-navigation/service-navigation.js';
import { SkipLink } from '../components/skip-link/skip-link.js';
import { expectReflow } from '../test-support/assertions.js';

function CitizenPage() {
  return (
    <>
      <SkipLink />
      <Header
        serviceName="MPP Kota Contoh"
        languages={[
          { lang: 'id', label: 'Bahasa Indonesia', href: '?lang=id' },
          { lang: 'en', label: 'English', href: '?lang=en' },
        ]}
      >
        <ServiceNavigation
          items={[
            { href: '#layanan', text: 'Layanan', current: true },
            { href: '#antrean', text: 'Antrean' },
          ]}
        />
      </Header>
      <div className="mpp-width-container">
        <Breadcrumbs
          items={[
            { text: 'Beranda', href: '#' },
            { text: 'Layanan', href: '#layanan' },
            { text: 'Paspor' },
          ]}
        />
        <main id="main-content">
          {/* Inside main: outside every landmark, axe's region rule (and screen-reader users) would miss it. */}
          <BackLink href="#layanan" />
          <Form action="/antrean">
            <Radios
              id="sesi"
              name="sesi"
              legend="Kapan Anda akan datang?"
              isPageHeading
              items={[
                { value: 'pagi', label: 'Pagi (08.00–12.00)' },
                { value: 'siang', label: 'Siang (13.00–15.00)' },
              ]}
            />
            <Button>Lanjutkan</Button>
          </Form>
        </main>
      </div>
      <Footer
        help={{ phone: '(022) 123 4567', email: 'mpp@contoh.go.id', complaintHref: '#pengaduan' }}
      />
    </>
  );
}

const meta = {
  title: 'Pages/Citizen page',
  component: CitizenPage,
  parameters: {
    layout: 'fullscreen',
    a11y: {
      // A whole page: every piece of content must sit in a landmark.
      config: { rules: [{ id: 'region', enabled: true }] },
      // axe's region rule reports a skip link placed before the header (as GOV.UK places it;
      // govuk-frontend #1604) inside Storybook's frame. The skip link is checked with every
      // other rule in its own story (Layout/SkipLink); here it is left out of the page scan only.
      context: { include: ['body'], exclude: ['.mpp-skip-link'] },
    },
  },
} satisfies Meta<typeof CitizenPage>;
export default meta;

/** Keyboard only from the top: skip link, then straight into the form. */
export const KeyboardOnly: StoryObj<typeof meta> = {
  tags: ['reflow'],
  play: async ({ canvas, userEvent, canvasElement, globals }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Langsung ke konten utama' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByRole('main')).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('link', { name: 'Kembali' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('radio', { name: 'Pagi (08.00–12.00)' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('radio', { name: 'Siang (13.00–15.00)' })).toBeChecked();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Lanjutkan' })).toHaveFocus();
    // Help is in the footer, the same place on every page.
    await expect(canvas.getByRole('contentinfo')).toHaveTextContent('Bantuan');
    expectReflow(canvasElement, globals);
  },
};
