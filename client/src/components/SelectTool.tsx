/** The canvas's drag tool: pan the stage, or draw a box or a lasso around nodes to select them. */
import type { SelectTool } from './canvas/useMarquee.ts';

export type { SelectTool };

const TOOLS: Array<{ tool: SelectTool; label: string; title: string }> = [
  { tool: 'pan', label: 'Pan', title: 'Drag the background to pan (shift+drag draws a selection box)' },
  { tool: 'box', label: 'Box', title: 'Drag to select the nodes in a box (shift adds to the selection)' },
  { tool: 'lasso', label: 'Lasso', title: 'Drag a free outline to select the nodes inside (shift adds)' },
];

export function SelectToolSwitch({ tool, onTool }: { tool: SelectTool; onTool(tool: SelectTool): void }) {
  return (
    <div className="view-switch" role="group" aria-label="Drag tool">
      {TOOLS.map((t) => (
        <button
          key={t.tool}
          className={tool === t.tool ? 'on' : ''}
          aria-pressed={tool === t.tool}
          title={t.title}
          onClick={() => onTool(t.tool)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
