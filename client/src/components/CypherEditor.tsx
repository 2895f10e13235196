/**
 * A Cypher editor with syntax highlighting: CodeMirror 6 with its Cypher mode. Ctrl+Enter (and
 * Cmd+Enter) runs the query: bound in a keymap above basicSetup's, whose Mod-Enter would
 * otherwise insert a blank line first.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { StreamLanguage } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';

interface Props {
  value: string;
  onChange(value: string): void;
  onRun(): void;
}

export function CypherEditor({ value, onChange, onRun }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useEffectEvent((text: string) => onChange(text));
  const run = useEffectEvent(() => onRun());
  // the editor starts from the value it is first given; later values reach it in the effect below
  const initial = useEffectEvent(() => value);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const editor = new EditorView({
      doc: initial(),
      parent,
      extensions: [
        basicSetup,
        StreamLanguage.define(cypher),
        EditorView.updateListener.of((u) => u.docChanged && changed(u.state.doc.toString())),
        Prec.highest(
          keymap.of(
            // Mod is Cmd on a Mac and Ctrl elsewhere; both keys are bound on every platform
            ['Mod-Enter', 'Ctrl-Enter', 'Meta-Enter'].map((key) => ({
              key,
              run: () => {
                run();
                return true;
              },
            })),
          ),
        ),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="cypher-editor" data-testid="cypher-editor" />;
}
