// Server rendering: every story of every component renders with renderToString in plain Node
// (no DOM), and every component the package exports has at least one story.
import { readdirSync } from 'node:fs';
import { composeStories } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as kit from '../src/index.js';

type StoryModule = Parameters<typeof composeStories>[0] & {
  default: { component?: unknown; title?: string };
};
const componentsDir = new URL('../src/components/', import.meta.url);
const modules: Record<string, StoryModule> = {};
for (const folder of readdirSync(componentsDir, { withFileTypes: true })) {
  if (!folder.isDirectory()) continue;
  for (const file of readdirSync(new URL(`${folder.name}/`, componentsDir))) {
    if (!file.endsWith('.stories.tsx')) continue;
    const path = `../src/components/${folder.name}/${file}`;
    modules[path] = (await import(/* @vite-ignore */ path)) as StoryModule;
  }
}

describe('renderToString', () => {
  for (const [path, module] of Object.entries(modules)) {
    const stories = composeStories(module);
    for (const [name, Story] of Object.entries(stories) as Array<[string, ComponentType]>) {
      it(`${module.default.title} / ${name} (${path.split('/').at(-1)})`, () => {
        const html = renderToString(<Story />);
        expect(html.length).toBeGreaterThan(0);
        expect(html).toMatch(/^<|<[a-z]/);
      });
    }
  }

  it('renders the providers themselves', () => {
    const html = renderToString(
      <kit.I18nProvider locale="en">
        <kit.LiveAnnouncer>
          <kit.SkipLink />
        </kit.LiveAnnouncer>
      </kit.I18nProvider>,
    );
    expect(html).toContain('Skip to main content');
    // Both live regions are in the server HTML, empty, before any message.
    expect(html).toMatch(/<div[^>]*role="status"[^>]*aria-live="polite"[^>]*><\/div>/);
    expect(html).toMatch(/<div[^>]*aria-live="assertive"[^>]*><\/div>/);
  });
});

describe('stories cover the package', () => {
  // Components without their own story, and where they are shown instead.
  const shownElsewhere: Record<string, string> = {
    I18nProvider: 'wraps every story (preview decorator) and the test above',
    CharacterCount: 'Textarea / CharacterCount story (same component with maxLength)',
    StatusBadge: 'Tag / StatusBadges story',
    SpeechAnnouncer: 'a class, not a component: test/announcer.test.ts and the Announcer stories',
  };
  it('every exported component has a story file whose meta.component is it', () => {
    const covered = new Set(Object.values(modules).map((module) => module.default.component));
    const missing = Object.entries(kit)
      .filter(([name, value]) => /^[A-Z]/.test(name) && typeof value === 'function')
      .filter(([name, value]) => !covered.has(value as ComponentType) && !(name in shownElsewhere))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
