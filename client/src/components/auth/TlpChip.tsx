/** A TLP marking as FIRST prints it: the label in its colour on black. */
import { TLP_COLOURS, type Tlp } from '../../../../server/model/markings.ts';

export function TlpChip({ tlp, prefix = '' }: { tlp: Tlp; prefix?: string }) {
  return (
    <span className="tlp" style={{ color: TLP_COLOURS[tlp] }} data-tlp={tlp}>
      {prefix}TLP:{tlp}
    </span>
  );
}
