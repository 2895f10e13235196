// The linter that keeps the code's shape: typescript-eslint's recommended rules, the React hook
// rules for the client, and the layers as import zones. A wrong-way import fails `npm run check`,
// which `npm test` runs first. The layers (README, "Layout"):
//
//   model, errors, config, logger, files   the domain and the plumbing; import nothing above them
//   cypher                                 lexer, shape, allowlists and the analyst guard
//   store                                  one GraphStore; sees model, plumbing, lexer and allowlists
//   graph                                  graph services (find, neighbourhood, subgraph, paths, counts)
//   queries, import, export, copy, backup, audit, seed, seeds    work on the graph through the services
//   api, http, cli, app, landing page      the edges: HTTP and the command line
//   client                                 shares only the model with the server
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PLUMBING = ['./model', './errors.ts', './config.ts', './logger.ts', './files'];
const EDGES = [
  './server/api',
  './server/http',
  './server/cli',
  './server/app.ts',
  './server/main.ts',
  './server/start.ts',
  './server/landing-page.ts',
  './server/client',
  './server/docs',
];
const SERVICES = [
  './server/queries',
  './server/workspaces',
  './server/import',
  './server/export',
  './server/copy',
  './server/backup',
  './server/audit',
  './server/seed',
  './server/auth',
  './server/changes',
  './seeds',
];

/** One zone per layer: `target` may import from `from` only what `except` names. */
const layerZones = [
  {
    target: './server/model',
    from: './server',
    except: ['./model'],
    message: 'The model is the bottom layer: it imports nothing else of the server.',
  },
  ...['./server/errors.ts', './server/config.ts', './server/logger.ts'].map((target) => ({
    target,
    from: './server',
    except: ['./model', './errors.ts'],
    message: 'Plumbing imports only the model and the error table.',
  })),
  {
    target: './server/files',
    from: './server',
    except: ['./files', './errors.ts'],
    message: 'File plumbing imports only the error table.',
  },
  {
    target: './server/cypher',
    from: './server',
    except: ['./cypher', ...PLUMBING],
    message: 'The Cypher lexer, guard and allowlists sit below the store.',
  },
  {
    target: './server/store',
    from: './server',
    except: ['./store', ...PLUMBING, './cypher/lexer.ts', './cypher/shape.ts', './cypher/allowlists.ts'],
    message: 'A store sees the model, the plumbing, the lexer and the allowlists, never the guard or a service.',
  },
  {
    target: './server/graph',
    from: './server',
    except: ['./graph', './store', './cypher', ...PLUMBING],
    message: 'Graph services sit on the store; the API, exports and CLI call them, not the other way.',
  },
  {
    target: SERVICES,
    from: EDGES,
    message: 'Services do not import the HTTP or command-line edges; put what both need in server/graph.',
  },
  {
    target: './seeds',
    from: './server',
    except: ['./model', './errors.ts'],
    message: 'The seed generator builds records from the model; loading them is server/seed.',
  },
  {
    target: './server',
    from: './client',
    message: 'The server never imports the client.',
  },
  {
    target: './client',
    from: './server',
    except: ['./model'],
    message: 'The client shares only the model with the server.',
  },
  { target: './client', from: './seeds', message: 'The client shares only the model with the server.' },
  {
    target: './client/src/core',
    from: ['./client/src/api', './client/src/components', './client/src/App.tsx', './client/src/main.tsx'],
    message: 'client/src/core is pure: no transport, no React components.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'test-results/**',
      'bench-results/**',
      '.venv-interop/**',
      'test/neo4j/server/target/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['server/**/*.ts', 'seeds/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }] },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The bundle carries no zod and no schema descriptions: values come only from the zod-free
      // model modules (listed here); types from any model module are erased and so allowed.
      // test/integration/client-bundle.test.ts checks the built bundle itself.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/*'],
              allowTypeImports: true,
              message: 'The client bundles no zod; import types only.',
            },
            {
              group: [
                '**/server/model/*',
                '!**/server/model/kinds.ts',
                '!**/server/model/markings.ts',
                '!**/server/model/presentation.ts',
                '!**/server/model/drawing-names.ts',
                '!**/server/model/text.ts',
                '!**/server/model/export-formats.ts',
                '!**/server/model/access.ts',
              ],
              allowTypeImports: true,
              message:
                'A zod schema module: the client value-imports only the zod-free model modules (kinds, markings, presentation, drawing-names, text, export-formats, access); use `import type` here.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may reach anything, and assert what they just checked.
    files: ['test/**/*.ts', 'client/test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
