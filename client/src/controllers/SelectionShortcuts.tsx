/** Renders nothing: Ctrl+A (cmd+A) selects every shown node, not while typing (there it selects text). */
import { useEffect, useEffectEvent } from 'react';

export function SelectionShortcuts({ onSelectAll }: { onSelectAll(): void }) {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const typing =
      e.target instanceof HTMLElement &&
      (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
    if (typing || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'a' || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onSelectAll();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
  return null;
}
