/**
 * The sources an entity or link cites: existing Source nodes found as you type (search restricted
 * to kind Source), shown as chips, and new ones typed in place (title, publisher, date, reference,
 * marking), which the server creates in the same transaction.
 */
import { useEffect, useState } from 'react';
import { api, type SearchHit } from '../../api/client.ts';
import { emptySource, tlpOptions, type NewSourceDraft } from '../../core/edit/form-model.ts';
import type { Tlp } from '../../../../server/model/markings.ts';
import { FieldErrors } from './PropertyField.tsx';

export interface CitedSource {
  id: string;
  label: string;
}

interface Props {
  cited: CitedSource[];
  newSources: NewSourceDraft[];
  clearance: Tlp;
  /** the marking a new source starts with: the entity's own */
  defaultTlp: Tlp;
  errors: Record<string, string[]>;
  onCited(cited: CitedSource[]): void;
  onNewSources(sources: NewSourceDraft[]): void;
  onError(error: unknown): void;
}

export function SourcePicker(p: Props) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const { onError } = p;

  useEffect(() => {
    const q = text.trim();
    // under two letters nothing is asked for (and old hits are not shown: see `offered`)
    if (q.length < 2) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .searchKinds(q, ['Source'])
        .then((r) => {
          if (!current) return;
          setHits(r.results);
          setActive(0);
        })
        .catch((e) => current && onError(e));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, onError]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    if (!p.cited.some((c) => c.id === hit.id)) p.onCited([...p.cited, { id: hit.id, label: hit.label }]);
    setText('');
    setHits([]);
  };
  const changeSource = (i: number, change: Partial<NewSourceDraft>) =>
    p.onNewSources(p.newSources.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const offered = text.trim().length < 2 ? [] : hits.filter((h) => !p.cited.some((c) => c.id === h.id));

  return (
    <fieldset className="sources-picker" data-field="sources">
      <legend>
        Sources
        <abbr className="required" title="required: at least one">
          *
        </abbr>
      </legend>
      <div className="chips">
        {p.cited.map((c) => (
          <span className="chip" key={c.id} title={c.id}>
            {c.label}
            <button
              type="button"
              aria-label={`Remove ${c.label}`}
              onClick={() => p.onCited(p.cited.filter((x) => x.id !== c.id))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div className="picker">
        <input
          type="search"
          aria-label="Find a source"
          placeholder="Find a source by title…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, offered.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') pick(offered[active]);
            else return;
            e.preventDefault();
          }}
        />
        {offered.length > 0 && (
          <ul className="picker-results" role="listbox" aria-label="Matching sources">
            {offered.map((hit, i) => (
              <li
                key={hit.id}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(hit);
                }}
              >
                {hit.label} <code>{hit.id}</code>
              </li>
            ))}
          </ul>
        )}
        {text.trim().length >= 2 && hits.length === 0 && <div className="muted small">No source matches.</div>}
      </div>
      {p.newSources.map((s, i) => {
        const err = (f: string) => p.errors[`newSources.${i}.${f}`];
        return (
          <div className="new-source" key={i} data-testid={`new-source-${i}`}>
            <div className="new-source-head">
              <b>New source</b>
              <button
                type="button"
                className="link"
                onClick={() => p.onNewSources(p.newSources.filter((_, j) => j !== i))}
              >
                remove
              </button>
            </div>
            <label>
              <span>
                Title<abbr className="required">*</abbr>
              </span>
              <input
                aria-label="Source title"
                value={s.name}
                onChange={(e) => changeSource(i, { name: e.target.value })}
              />
              <FieldErrors errors={err('name')} />
            </label>
            <div className="row">
              <label>
                <span>
                  Publisher<abbr className="required">*</abbr>
                </span>
                <input
                  aria-label="Source publisher"
                  value={s.publisher}
                  onChange={(e) => changeSource(i, { publisher: e.target.value })}
                />
                <FieldErrors errors={err('publisher')} />
              </label>
              <label>
                <span>
                  Date<abbr className="required">*</abbr>
                </span>
                <input
                  aria-label="Source date"
                  placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
                  value={s.published}
                  onChange={(e) => changeSource(i, { published: e.target.value })}
                />
                <FieldErrors errors={err('published')} />
              </label>
            </div>
            <div className="row">
              <label>
                <span>Reference</span>
                <input
                  aria-label="Source reference"
                  placeholder="URL or document number"
                  value={s.url}
                  onChange={(e) => changeSource(i, { url: e.target.value })}
                />
                <FieldErrors errors={err('url')} />
              </label>
              <label>
                <span>Marking</span>
                <select
                  aria-label="Source TLP"
                  value={s.tlp}
                  onChange={(e) => changeSource(i, { tlp: e.target.value as Tlp })}
                >
                  {tlpOptions(p.clearance).map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
                <FieldErrors errors={err('tlp')} />
              </label>
            </div>
          </div>
        );
      })}
      <button type="button" onClick={() => p.onNewSources([...p.newSources, emptySource(p.defaultTlp)])}>
        + New source
      </button>
      <FieldErrors errors={p.errors.sources} />
    </fieldset>
  );
}
