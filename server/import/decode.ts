/**
 * Turns an uploaded file's bytes into text: UTF-8 only, a byte-order mark dropped, and NUL bytes
 * or invalid UTF-8 refused with the line they are on (spreadsheets saved as UTF-16 or Latin-1
 * are the usual cause).
 */
import { isUtf8 } from 'node:buffer';
import type { ImportIssue } from './types.ts';

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes.readUInt8(i); // i < length, so in range
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // overlong 3-byte forms, UTF-16 surrogates, and code points past U+10FFFF
    const c1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && c1 < 0xa0) ||
      (b === 0xed && c1 >= 0xa0) ||
      (b === 0xf0 && c1 < 0x90) ||
      (b === 0xf4 && c1 >= 0x90)
    )
      return i;
    i += need + 1;
  }
  return -1;
}

export function decodeText(
  name: string,
  bytes: Buffer,
): { ok: true; text: string } | { ok: false; issue: ImportIssue } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const utf16 =
      bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    return {
      ok: false,
      issue: {
        file: name,
        line: lineAt(bytes, nul),
        reason: utf16
          ? 'the file is UTF-16; save it as UTF-8'
          : `the file holds a NUL byte (at byte ${nul}); it is binary or not UTF-8 text`,
      },
    };
  }
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      issue: {
        file: name,
        line: lineAt(bytes, at),
        reason: `invalid UTF-8 at byte ${at} (0x${bytes[at]?.toString(16).padStart(2, '0')}); save the file as UTF-8`,
      },
    };
  }
  const text = bytes.toString('utf8');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
