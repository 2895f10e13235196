/**
 * How much of a result a caller gets: at most `maxRows` rows and about `maxBytes` of JSON. The row
 * cap alone would let 100 rows of 1 MB strings through as a 100 MB answer.
 */
import { AppError } from '../errors.ts';
import type { JsonValue, StoreLimits } from './types.ts';

export class RowBudget {
  private bytes = 0;
  private rows = 0;
  /** true once a row was refused for lack of room */
  truncated = false;

  constructor(private readonly limits: StoreLimits) {}

  /**
   * Whether another row may be read at all. Asked before a row is converted, so a row past the
   * cap never adds its nodes to the result's graph.
   */
  hasRoom(): boolean {
    return this.rows < this.limits.maxRows || this.stop();
  }

  /**
   * Whether the converted `row` fits the byte budget; the first that does not ends the result.
   * (Its nodes are already in the graph by then: a byte cut can leave a few extra there.)
   */
  admit(row: Record<string, JsonValue>): boolean {
    // with no byte cap (a scan), the rows need not be measured
    if (this.limits.maxBytes < Number.MAX_SAFE_INTEGER) this.bytes += JSON.stringify(row).length;
    if (this.bytes > this.limits.maxBytes) {
      if (this.rows === 0) {
        throw new AppError(
          'too_large',
          `the first row alone is larger than QUERY_MAX_BYTES (${this.limits.maxBytes} bytes)`,
          {
            maxBytes: this.limits.maxBytes,
          },
        );
      }
      return this.stop();
    }
    this.rows++;
    return true;
  }

  private stop(): false {
    this.truncated = true;
    return false;
  }
}
