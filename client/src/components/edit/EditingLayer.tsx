/**
 * The editing overlays of the page, wired from useEditing: the entity/link form, the hint while a
 * link is drawn, and the source reader. One element for App to place.
 */
import type { Editing } from '../../hooks/useEditing.ts';
import { useSchema } from '../../hooks/useSchema.ts';
import type { Tlp } from '../../../../server/model/markings.ts';
import { EntityForm } from './EntityForm.tsx';
import { LinkModeHint } from './LinkModeHint.tsx';
import { SourceReader } from './SourceReader.tsx';

interface Props {
  editing: Editing;
  clearance: Tlp;
  onError(error: unknown): void;
}

export function EditingLayer({ editing, clearance, onError }: Props) {
  const schema = useSchema(onError);
  const { form } = editing;
  return (
    <>
      {editing.linkFrom && <LinkModeHint from={editing.linkFrom} onCancel={editing.cancelLink} />}
      {form && schema && (
        <EntityForm
          key={JSON.stringify(form)}
          target={form}
          schema={schema}
          clearance={clearance}
          onSaved={editing.onSaved}
          onSwap={
            form.entity === 'relationship' && form.mode === 'create'
              ? () => editing.openForm({ ...form, from: form.to, to: form.from })
              : undefined
          }
          onClose={editing.closeForm}
          onError={onError}
        />
      )}
      {editing.reading && (
        <SourceReader
          sourceId={editing.reading.source.id}
          title={editing.reading.source.name}
          excerpt={editing.reading.excerpt}
          onClose={editing.closeReader}
          onError={onError}
        />
      )}
    </>
  );
}
