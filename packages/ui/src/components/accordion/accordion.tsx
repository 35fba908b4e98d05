import type { ReactNode } from 'react';

/** One section of an accordion. */
export interface AccordionSection {
  id: string;
  heading: string;
  content: ReactNode;
  open?: boolean;
}

export interface AccordionProps {
  sections: readonly AccordionSection[];
  /** Heading level of each section's title. Default 2. */
  headingLevel?: 2 | 3 | 4;
}

/**
 * Sections that open and close, built on native `<details>` elements: they work without
 * JavaScript, open with Enter or Space, are found by the browser's find-in-page, and print.
 */
export function Accordion({ sections, headingLevel = 2 }: AccordionProps) {
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <div className="mpp-accordion">
      {sections.map((section) => (
        <details
          key={section.id}
          id={section.id}
          className="mpp-accordion__section"
          open={section.open}
        >
          <summary className="mpp-accordion__summary">
            <Heading className="mpp-accordion__heading">{section.heading}</Heading>
          </summary>
          <div className="mpp-accordion__content">{section.content}</div>
        </details>
      ))}
    </div>
  );
}
