/**
 * The provenance part of the entity and link forms: what it cites (at least one source), how far
 * it can be trusted (Admiralty grade as reliability + credibility), how it may be shared (TLP, no
 * higher than the user's clearance), when it was seen, and the passage of the source that supports it.
 */
import {
  CREDIBILITY,
  CREDIBILITY_WORDS,
  EXCERPT_MAX,
  RELIABILITY,
  RELIABILITY_WORDS,
  tlpOptions,
  type ProvenanceValues,
} from '../../core/edit/form-model.ts';
import type { Tlp } from '../../../../server/model/markings.ts';
import { FieldErrors, RequiredMark } from './PropertyField.tsx';
import { SourcePicker, type CitedSource } from './SourcePicker.tsx';

interface Props {
  value: ProvenanceValues;
  cited: CitedSource[];
  clearance: Tlp;
  errors: Record<string, string[]>;
  onChange(value: ProvenanceValues): void;
  onCited(cited: CitedSource[]): void;
  onError(error: unknown): void;
}

export function ProvenanceFields({ value, cited, clearance, errors, onChange, onCited, onError }: Props) {
  const set = (change: Partial<ProvenanceValues>) => onChange({ ...value, ...change });
  return (
    <section className="provenance-fields" aria-label="Provenance">
      <h3>Provenance</h3>
      <SourcePicker
        cited={cited}
        newSources={value.newSources}
        clearance={clearance}
        defaultTlp={value.tlp}
        errors={errors}
        onCited={(next) => {
          onCited(next);
          set({ sourceIds: next.map((c) => c.id) });
        }}
        onNewSources={(newSources) => set({ newSources })}
        onError={onError}
      />
      <div className="row" data-field="grade">
        <label>
          <span>
            Source reliability
            <RequiredMark required />
          </span>
          <select
            aria-label="Source reliability"
            value={value.reliability}
            onChange={(e) => set({ reliability: e.target.value })}
          >
            {RELIABILITY.map((r) => (
              <option key={r} value={r}>
                {r} — {RELIABILITY_WORDS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>
            Information credibility
            <RequiredMark required />
          </span>
          <select
            aria-label="Information credibility"
            value={value.credibility}
            onChange={(e) => set({ credibility: e.target.value })}
          >
            {CREDIBILITY.map((c) => (
              <option key={c} value={c}>
                {c} — {CREDIBILITY_WORDS[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldErrors errors={errors.grade} />
      <div className="row">
        <label data-field="tlp">
          <span>
            TLP
            <RequiredMark required />
          </span>
          <select aria-label="TLP" value={value.tlp} onChange={(e) => set({ tlp: e.target.value as Tlp })}>
            {tlpOptions(clearance).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <span className="hint">up to your clearance, {clearance}</span>
          <FieldErrors errors={errors.tlp} />
        </label>
        <label data-field="firstSeen">
          <span>First seen</span>
          <input
            type="date"
            aria-label="First seen"
            value={value.firstSeen}
            onChange={(e) => set({ firstSeen: e.target.value })}
          />
          <FieldErrors errors={errors.firstSeen} />
        </label>
        <label data-field="lastSeen">
          <span>Last seen</span>
          <input
            type="date"
            aria-label="Last seen"
            value={value.lastSeen}
            onChange={(e) => set({ lastSeen: e.target.value })}
          />
          <FieldErrors errors={errors.lastSeen} />
        </label>
      </div>
      <label data-field="excerpt">
        <span>
          Excerpt <span className="hint">the passage of the source that supports this (optional)</span>
        </span>
        <textarea
          aria-label="Excerpt"
          rows={3}
          maxLength={EXCERPT_MAX}
          value={value.excerpt}
          onChange={(e) => set({ excerpt: e.target.value })}
        />
        <FieldErrors errors={errors.excerpt} />
      </label>
    </section>
  );
}
