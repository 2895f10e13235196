/**
 * patches/neo4j-driver-bolt-connection+6.3.0.patch is applied (by patch-package on npm install):
 * a Bolt message in several chunks comes out as one contiguous buffer, not the CombinedBuffer
 * whose byte reads walk every chunk (quadratic in the message's size; see the Neo4j hostile
 * suite's huge-list case).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { Dechunker } = require('neo4j-driver-bolt-connection/lib/channel/chunking.js');
const ChannelBuffer = require('neo4j-driver-bolt-connection/lib/channel/channel-buf.js').default;
const CombinedBuffer = require('neo4j-driver-bolt-connection/lib/channel/combined-buf.js').default;

describe('the neo4j-driver patch', () => {
  it('joins a message of several chunks into one buffer with the same bytes', () => {
    const messages: unknown[] = [];
    const dechunker = new Dechunker();
    dechunker.onmessage = (m: unknown) => messages.push(m);
    // three chunks of 2, 3 and 1 bytes, then the end-of-message marker; then a one-chunk message
    dechunker.write(new ChannelBuffer(Buffer.from([0, 2, 1, 2, 0, 3, 3, 4, 5, 0, 1, 6, 0, 0, 0, 1, 9, 0, 0])));
    expect(messages).toHaveLength(2);
    const [joined, single] = messages as Array<{ length: number; getUInt8(i: number): number }>;
    expect(joined).toBeInstanceOf(ChannelBuffer);
    expect(joined).not.toBeInstanceOf(CombinedBuffer);
    expect(Array.from({ length: joined!.length }, (_, i) => joined!.getUInt8(i))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(single!.getUInt8(0)).toBe(9);
  });
});
