/**
 * The event-date table (server/model/event-dates.ts) against the schema: every date property of
 * every kind is either the kind's event date or a seen date, every property the table names
 * exists and takes dates, and eventSpan reads them as the timeline and the time bar need.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NODE_KINDS, REL_KINDS } from '../../server/model/schema.ts';
import { dateRange, EVENT_DATES, eventSpan } from '../../server/model/event-dates.ts';

const KINDS = [...NODE_KINDS, ...REL_KINDS];
const SEEN = new Set(['firstSeen', 'lastSeen']);

/** A property that takes a date and refuses words is a date property. */
function dateProperties(shape: Record<string, z.ZodType>): string[] {
  return Object.entries(shape)
    .filter(([, t]) => t.safeParse('2024-01-31').success && !t.safeParse('yesterday').success)
    .map(([name]) => name);
}

describe('the event-date table', () => {
  it('covers every kind of the schema and nothing else', () => {
    expect(Object.keys(EVENT_DATES).sort()).toEqual(KINDS.map((k) => k.kind).sort());
  });

  it('names every date property of every kind, apart from the seen dates', () => {
    for (const def of KINDS) {
      const spec = EVENT_DATES[def.kind];
      const named = spec ? [spec.start, spec.end].filter((p): p is string => p !== null) : [];
      const dates = dateProperties(def.schema.shape as Record<string, z.ZodType>).filter((p) => !SEEN.has(p));
      expect(named.sort(), def.kind).toEqual(dates.sort());
    }
  });

  it('names the documented event dates', () => {
    expect(EVENT_DATES.Operation).toEqual({ start: 'date', end: null });
    expect(EVENT_DATES.Notice).toEqual({ start: 'issued', end: null });
    expect(EVENT_DATES.TRAFFICKED_TO).toEqual({ start: 'periodStart', end: 'periodEnd' });
    expect(EVENT_DATES.Centre).toBeNull();
  });
});

describe('eventSpan', () => {
  it('takes an operation’s date as an instant, not its seen dates', () => {
    expect(eventSpan('Operation', { date: '2023-08-20', firstSeen: '2024-01-01', lastSeen: '2024-06-01' })).toEqual({
      start: '2023-08-20',
      end: '2023-08-20',
      instant: true,
      basis: 'event',
    });
  });

  it('takes a flow’s period, with one end standing for both when the other is missing', () => {
    expect(eventSpan('TRAFFICKED_TO', { periodStart: '2021-01-01', periodEnd: '2022-06-30' })).toMatchObject({
      start: '2021-01-01',
      end: '2022-06-30',
      instant: false,
      basis: 'event',
    });
    expect(eventSpan('TRAFFICKED_TO', { periodStart: '2021-01-01', periodEnd: null })).toMatchObject({
      start: '2021-01-01',
      end: '2021-01-01',
    });
    // reversed ends are put in order
    expect(eventSpan('TRAFFICKED_TO', { periodStart: '2022-01-01', periodEnd: '2021-01-01' })).toMatchObject({
      start: '2021-01-01',
      end: '2022-01-01',
    });
  });

  it('falls back to first/last seen when the kind has no date or leaves it empty', () => {
    expect(eventSpan('Centre', { firstSeen: '2020-02-01', lastSeen: '2024-03-01' })).toEqual({
      start: '2020-02-01',
      end: '2024-03-01',
      instant: false,
      basis: 'seen',
    });
    expect(eventSpan('Notice', { issued: null, firstSeen: '2023-05-05' })).toMatchObject({
      start: '2023-05-05',
      end: '2023-05-05',
      basis: 'seen',
    });
    expect(eventSpan('Centre', {})).toBeNull();
    expect(eventSpan('NoSuchKind', { firstSeen: 'soon' })).toBeNull();
  });

  it('reads a partial date as the period it stands for', () => {
    expect(dateRange('2024')).toEqual(['2024-01-01', '2024-12-31']);
    expect(dateRange('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(dateRange(20240101)).toBeNull();
    expect(eventSpan('Source', { published: '2023-10' })).toEqual({
      start: '2023-10-01',
      end: '2023-10-31',
      instant: false,
      basis: 'event',
    });
  });
});
