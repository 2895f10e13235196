/** Filters on markings and dates, and what node size stands for. */
import { EVENT_DATES_LABEL } from '../../../server/model/event-dates.ts';
import type { Filters } from '../core/filters/filters.ts';
import { GRADES, TLP_LEVELS, type Tlp } from '../core/filters/markings.ts';
import { SIZE_MEASURES, type SizeMeasure } from '../core/style/sizing.ts';

interface Props {
  filters: Filters;
  sizeMeasure: SizeMeasure;
  onChange(filters: Filters): void;
  onSizeMeasure(measure: SizeMeasure): void;
}

export function FiltersPanel({ filters, sizeMeasure, onChange, onSizeMeasure }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="panel" aria-label="Filters">
      <label>
        Minimum grade
        <select
          aria-label="Minimum grade"
          value={filters.minGrade ?? ''}
          onChange={(e) => set({ minGrade: e.target.value || null })}
        >
          <option value="">any</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g} or better
            </option>
          ))}
        </select>
      </label>
      <label>
        TLP ceiling
        <select
          aria-label="TLP ceiling"
          value={filters.tlpCeiling ?? ''}
          onChange={(e) => set({ tlpCeiling: (e.target.value || null) as Tlp | null })}
        >
          <option value="">any</option>
          {TLP_LEVELS.map((t) => (
            <option key={t} value={t}>
              up to TLP:{t}
            </option>
          ))}
        </select>
      </label>
      <label title={`By ${EVENT_DATES_LABEL}`}>
        Dated from
        <input
          aria-label="Dated from"
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => set({ from: e.target.value || null })}
        />
      </label>
      <label title={`By ${EVENT_DATES_LABEL}`}>
        Dated until
        <input
          aria-label="Dated until"
          type="date"
          value={filters.to ?? ''}
          onChange={(e) => set({ to: e.target.value || null })}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={filters.fade} onChange={(e) => set({ fade: e.target.checked })} /> fade filtered
        items instead of hiding them
      </label>
      <label>
        Node size
        <select
          aria-label="Node size"
          value={sizeMeasure}
          onChange={(e) => onSizeMeasure(e.target.value as SizeMeasure)}
        >
          {SIZE_MEASURES.map((m) => (
            <option key={m} value={m}>
              by {m}
            </option>
          ))}
        </select>
      </label>
      <button
        onClick={() =>
          onChange({
            ...filters,
            hiddenKinds: [],
            hiddenRelKinds: [],
            minGrade: null,
            tlpCeiling: null,
            from: null,
            to: null,
          })
        }
      >
        Clear filters
      </button>
    </div>
  );
}
