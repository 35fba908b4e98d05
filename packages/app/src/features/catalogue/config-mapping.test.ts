import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterId, mapHours, serviceIds } from './config-mapping.js';

const part = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const code = fc.tuple(part, part).map(([a, b]) => `${a}.${b}`);

describe('serviceIds', () => {
  it('keeps the part after the first dot when it is unique', () => {
    const ids = serviceIds(['dukcapil.ktp-el', 'polri.skck', 'oss.nib']);
    expect([...ids.values()]).toEqual(['ktp-el', 'skck', 'nib']);
  });

  it('uses the whole code when two services share that part', () => {
    const ids = serviceIds(['dukcapil.perubahan-data', 'bpjs-kesehatan.perubahan-data']);
    expect([...ids.values()]).toEqual(['dukcapil_perubahan-data', 'bpjs-kesehatan_perubahan-data']);
  });

  it('gives distinct codes distinct URL-safe ids, even when a code ends like another (property)', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(code, { maxLength: 30 })
          .map((codes) => [...codes, ...codes.map((c) => `x.${c.replace('.', '-')}`)]),
        (codes) => {
          const ids = [...serviceIds(codes).values()];
          for (const id of ids) expect(id).toMatch(/^[a-z0-9_-]+$/);
          expect(new Set(ids).size).toBe(codes.length);
        },
      ),
    );
  });
});

describe('mapHours', () => {
  it('groups equal weekdays and turns a break into a note', () => {
    const day = [{ open: '08:00', close: '15:00' }];
    const rows = mapHours({
      monday: day,
      tuesday: day,
      wednesday: day,
      thursday: day,
      friday: [
        { open: '08:00', close: '11:30' },
        { open: '13:00', close: '14:30' },
      ],
      saturday: [{ open: '08:00', close: '12:00' }],
      sunday: [],
    });
    expect(rows).toEqual([
      { days: [1, 2, 3, 4], open: '08:00', close: '15:00' },
      {
        days: [5],
        open: '08:00',
        close: '14:30',
        note: { id: 'Istirahat 11:30–13:00', en: 'Break 11:30–13:00' },
      },
      { days: [6], open: '08:00', close: '12:00' },
    ]);
  });
});

describe('counterId', () => {
  it('pads the public number', () => {
    expect(counterId(1)).toBe('loket-01');
    expect(counterId(20)).toBe('loket-20');
    expect(counterId(120)).toBe('loket-120');
  });
});
