/** "Add entity" in the top bar: opens the entity form; off, with the reason, without graph:write. */
interface Props {
  denied: string | null;
  onAdd(): void;
}

export function AddEntityButton({ denied, onAdd }: Props) {
  return (
    <button
      className="add-entity"
      onClick={onAdd}
      disabled={Boolean(denied)}
      title={denied ?? 'Add an entity to the graph'}
    >
      Add entity
    </button>
  );
}
