/** Search with autocomplete: kind, name and country of each match; arrows and Enter pick one. */
import { forwardRef, useEffect, useState } from 'react';
import { api, type SearchHit } from '../api/client.ts';
import { nodeStyle } from '../core/style/palette.ts';

interface Props {
  onPick(hit: SearchHit): void;
  onError(error: unknown): void;
}

export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ onPick, onError }, ref) {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .search(q)
        .then((r) => {
          if (!current) return;
          setHits(r.results);
          setActive(0);
          setOpen(true);
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
    onPick(hit);
    setOpen(false);
    setText('');
  };

  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        aria-label="Search the graph"
        placeholder="Search centres, countries, facilitators…  ( / )"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => hits.length && setOpen(true)}
        // a pick is taken on mousedown, which keeps the focus here, so a blur can close the list at once
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') pick(hits[active]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && hits.length > 0 && (
        <ul className="search-results" role="listbox">
          {hits.map((hit, i) => {
            const style = nodeStyle(hit.kind);
            return (
              <li
                key={hit.id}
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
                <span className="hit-meta">
                  {style.label}
                  {hit.countries.length ? ` · ${hit.countries.join(', ')}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {open && text.trim().length >= 2 && hits.length === 0 && (
        <div className="search-results empty">No match for “{text.trim()}”</div>
      )}
    </div>
  );
});
