// The investigator client: built into client/dist for `npm start`; `npm run dev` serves it with
// the API proxied to the server on port 3000.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // libraries in their own chunks, so no chunk passes vite's 500 kB warning and the app's own
    // code can change without the browser fetching the libraries again
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            {
              name: 'codemirror',
              test: /node_modules[\\/](@codemirror|@lezer|codemirror|style-mod|w3c-keyname|crelt)[\\/]/,
              priority: 2,
            },
            // the map's d3 modules stay with the app (Plot uses them too, and would otherwise pull them in)
            { name: 'geo', test: /node_modules[\\/](d3-geo|d3-array|internmap)[\\/]/, priority: 4 },
            // Observable Plot and the d3 modules only it uses: loaded when the summary panel opens
            {
              name: 'charts',
              test: /node_modules[\\/](@observablehq|d3|d3-(?!geo|array)[^\\/]+|interval-tree-1d|binary-search-bounds|isoformat|delaunator|robust-predicates|reinterval)[\\/]/,
              priority: 2,
            },
            // markdown-it and its helpers: loaded with the first note shown (NoteText.tsx)
            {
              name: 'markdown',
              test: /node_modules[\\/](markdown-it|linkify-it|mdurl|uc\.micro|entities|punycode\.js)[\\/]/,
              priority: 2,
            },
            { name: 'graph', test: /node_modules[\\/](sigma|@sigma|graphology[^\\/]*)[\\/]/, priority: 1 },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
