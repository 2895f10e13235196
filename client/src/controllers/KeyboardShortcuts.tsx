/** Renders nothing: the page's keys (undo, redo, search, fit, escape), ignored while typing. */
import { useEffect, useEffectEvent } from 'react';

interface Props {
  onUndo(): void;
  onRedo(): void;
  onSearch(): void;
  onFit(): void;
  onEscape(): void;
}

export function KeyboardShortcuts(props: Props) {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const typing =
      e.target instanceof HTMLElement &&
      (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !typing) {
      e.preventDefault();
      if (e.shiftKey) props.onRedo();
      else props.onUndo();
    } else if (mod && e.key.toLowerCase() === 'y' && !typing) {
      e.preventDefault();
      props.onRedo();
    } else if (typing) return;
    else if (e.key === '/') {
      e.preventDefault();
      props.onSearch();
    } else if (e.key === 'f') props.onFit();
    else if (e.key === 'Escape') props.onEscape();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  return null;
}
