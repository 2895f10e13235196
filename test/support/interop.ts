/**
 * The independent Python readers (networkx, python-igraph, stix2-validator, openpyxl) in .venv-interop/, made by
 * test/interop/setup-python.sh. Without it the interop tests are skipped and say so, except under
 * CI=true, where a missing reader is a failure (CI must run test/interop/setup-python.sh first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './server-process.ts';

export const VENV_PYTHON = path.join(REPO_ROOT, '.venv-interop', 'bin', 'python');
export const hasPython = existsSync(VENV_PYTHON);
export const pythonRequired = process.env.CI === 'true';
const SCRIPT = path.join(REPO_ROOT, 'test', 'interop', 'read_graph.py');

export function announcePythonSkip(suite: string): void {
  if (!hasPython && !pythonRequired) {
    console.warn(
      `SKIPPED ${suite}: the Python readers are missing (${VENV_PYTHON}); run test/interop/setup-python.sh to make them`,
    );
  }
}

export interface PythonRead {
  nodes: Record<string, Record<string, unknown>>;
  edges: { id: string; source: string; target: string; attrs: Record<string, unknown> }[];
  graph: Record<string, unknown>;
  types: Record<string, string[]>;
  warnings: string[];
}

/** Writes the file to a temp dir and reads it with networkx or igraph; throws with the reader's error. */
export function readWithPython(
  reader: 'networkx-gexf' | 'networkx-graphml' | 'igraph-graphml',
  body: Buffer,
  ext: string,
): PythonRead {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-interop-'));
  try {
    const file = path.join(dir, `export.${ext}`);
    writeFileSync(file, body);
    const out = execFileSync(VENV_PYTHON, [SCRIPT, reader, file], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.toString()) as PythonRead;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one of the checkers in test/interop/ on a file written to a temp dir; parses what it prints as JSON. */
function runChecker<T>(script: string, body: Buffer, ext: string, args: string[] = []): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-interop-'));
  try {
    const file = path.join(dir, `export.${ext}`);
    writeFileSync(file, body);
    const out = execFileSync(VENV_PYTHON, [path.join(REPO_ROOT, 'test', 'interop', script), file, ...args], {
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.toString()) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface StixCheck {
  valid: boolean;
  errors: string[];
  warnings: string[];
  objects: Record<string, number>;
}

/** OASIS's stix2-validator (STIX 2.1) on a bundle. */
export function validateStix(body: Buffer): StixCheck {
  return runChecker<StixCheck>('check_stix.py', body, 'json');
}

export interface XlsxRead {
  sheets: Record<string, { header: string | null; footer: string | null; rows: { value: unknown; type: string }[][] }>;
}

/** openpyxl on a workbook: every sheet's cells with their Python types, and its header and footer text. */
export function readXlsxWithPython(body: Buffer): XlsxRead {
  return runChecker<XlsxRead>('read_xlsx.py', body, 'xlsx');
}

/** networkx writes a GraphML or GEXF file from a JSON description of a graph (test/interop/write_graph.py). */
export function writeWithNetworkx(format: 'graphml' | 'gexf', graph: unknown): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-interop-'));
  try {
    const input = path.join(dir, 'graph.json');
    const output = path.join(dir, `graph.${format}`);
    writeFileSync(input, JSON.stringify(graph));
    execFileSync(VENV_PYTHON, [path.join(REPO_ROOT, 'test', 'interop', 'write_graph.py'), format, input, output], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** LibreOffice headless (`apt-get install libreoffice-calc-nogui`), the other independent XLSX reader. */
export const SOFFICE = '/usr/bin/soffice';
export const hasSoffice = existsSync(SOFFICE);

/**
 * LibreOffice opens the workbook and saves every sheet as CSV (UTF-8, comma, values not as
 * shown); returns the CSV text by sheet name. Its own throwaway profile, so runs do not share one.
 */
export function sheetsAsCsvWithLibreOffice(body: Buffer): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-soffice-'));
  try {
    writeFileSync(path.join(dir, 'book.xlsx'), body);
    // filter options: separator 44 (,), quote 34 ("), charset 76 (UTF-8), from row 1, …, sheet -1 (every sheet, one file each)
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    execFileSync(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        filter,
        '--outdir',
        path.join(dir, 'out'),
        path.join(dir, 'book.xlsx'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000,
      },
    );
    const out: Record<string, string> = {};
    for (const file of readdirSync(path.join(dir, 'out')))
      out[file.replace(/^book-/, '').replace(/\.csv$/, '')] = readFileSync(path.join(dir, 'out', file), 'utf8');
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
