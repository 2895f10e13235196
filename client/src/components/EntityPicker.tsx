/**
 * The field of an id parameter: type a name and pick the entity from a list of matches of the
 * parameter's kind (label, kind, country), with the arrow keys and Enter or the mouse; an id
 * pasted or typed whole (`centre:na-2024-01`) is taken as it is. An ARIA combobox.
 */
import { useEffect, useId, useState } from 'react';
import { api, type SearchHit } from '../api/client.ts';
import { fieldText, hitMeta, nextActive, searchTerm, valueOfField } from '../core/query/entity-picker.ts';
import { nodeStyle } from '../core/style/palette.ts';
import type { Picked } from '../state/query-work.ts';

interface Props {
  /** the parameter's name: the field's accessible name */
  name: string;
  /** the kind it takes; undefined: any kind */
  kind?: string;
  value: string;
  picked: Picked | null;
  required: boolean;
  placeholder: string;
  onChange(value: string, picked: Picked | null): void;
  onError(error: unknown): void;
}

export function EntityPicker({ name, kind, value, picked, required, placeholder, onChange, onError }: Props) {
  const [text, setText] = useState(() => fieldText(value, picked));
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [searched, setSearched] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    const q = text === picked?.label ? null : searchTerm(text);
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .searchKinds(q, kind ? [kind] : [])
        .then((r) => {
          if (!current) return;
          setHits(r.results);
          setActive(r.results.length ? 0 : -1);
          setSearched(q);
          setOpen(true);
        })
        .catch((e) => current && onError(e));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, kind, picked, onError]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setText(hit.label);
    setOpen(false);
    onChange(hit.id, { id: hit.id, label: hit.label });
  };
  const shown = open && searchTerm(text) !== null && text !== picked?.label;
  const kindLabel = kind ? nodeStyle(kind).label.toLowerCase() : 'entity';

  return (
    <div className="picker">
      <input
        role="combobox"
        aria-label={name}
        aria-autocomplete="list"
        aria-expanded={shown && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        data-picked={picked && picked.id === value ? picked.id : undefined}
        value={text}
        required={required}
        placeholder={`type a ${kindLabel}'s name, or paste an id — ${placeholder}`}
        title={picked && picked.id === value ? picked.id : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(valueOfField(e.target.value, null), null);
        }}
        onFocus={() => hits.length && setOpen(true)}
        // a pick is taken on mousedown, which keeps the focus here, so a blur can close the list at once
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || ((e.key === 'Home' || e.key === 'End') && shown)) {
            setOpen(true);
            setActive((a) => nextActive(a, hits.length, e.key));
          } else if (e.key === 'Enter' && shown && hits[active]) pick(hits[active]);
          else if (e.key === 'Escape' && shown) setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {picked && picked.id === value && <span className="picker-id muted small">{picked.id}</span>}
      {shown && hits.length > 0 && (
        <ul className="search-results" role="listbox" id={listId} aria-label={`${name}: matches`}>
          {hits.map((hit, i) => {
            const style = nodeStyle(hit.kind);
            return (
              <li
                key={hit.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(hit);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="icon" style={{ background: style.colour }}>
                  {style.icon}
                </span>
                <span className="hit-label">{hit.label}</span>
                <span className="hit-meta">{hitMeta(hit, style.label)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {shown && searched === searchTerm(text) && hits.length === 0 && (
        <div className="search-results empty">
          No {kindLabel} matches “{text.trim()}”
        </div>
      )}
    </div>
  );
}
