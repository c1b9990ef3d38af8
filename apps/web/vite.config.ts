import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// The werkplek is served by the API at /app/ (same origin): `npm run build` writes it to
// dist/web, which the API (and the container image) serves.
export default defineConfig({
  root: here,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/web'),
    emptyOutDir: true,
    // No inline <script>: the API's Content-Security-Policy allows the app's own files only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev` in apps/web: the API of `npm start` behind the dev server.
    proxy: Object.fromEntries(
      [
        '/auth',
        '/trajectories',
        '/reports',
        '/clients',
        '/coordinators',
        '/teams',
        '/providers',
        '/professionals',
        '/municipalities',
        '/organisations',
        '/families',
        '/reassessments',
        '/transfers',
        '/handovers',
        '/handover-leads',
        '/vtos',
      ].map((prefix) => [prefix, 'http://127.0.0.1:3000']),
    ),
  },
});
