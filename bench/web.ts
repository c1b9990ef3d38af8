/**
 * `npm run bench:web`: the werkplek's weight and how soon its first page is usable, on the local
 * stack (`npm start`, best after `npm run seed`). Prints the build's sizes (raw and gzip) and, in
 * Debian's Chromium, the time from opening /app/ (logged in) until the werkbak shows its cases:
 * cold (empty cache, a new browser context each time) and warm (a reload), median and p95.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ensureChromium, launchChromium } from '../scripts/stack/chromium';
import { COORDINATORS } from '../scripts/seed/data';
import { devToken, fmt, machine, median, percentile } from './common';

const SESSION_KEY = 'cjg-werkplek-sessie';

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

function sizeOf(file: string): Asset {
  const bytes = readFileSync(file);
  return {
    file: path.basename(file),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Every file of the build. */
function wholeApp(webDir: string): Asset[] {
  const assets = readdirSync(path.join(webDir, 'assets')).map((name) => path.join('assets', name));
  return ['index.html', ...assets]
    .filter((name) => statSync(path.join(webDir, name)).isFile())
    .map((name) => sizeOf(path.join(webDir, name)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '20' },
      coordinator: { type: 'string', default: COORDINATORS[0]!.id },
      'api-url': { type: 'string', default: process.env.API_URL ?? 'http://127.0.0.1:3000' },
    },
  });
  const runs = Number(values.runs);
  const apiUrl = values['api-url']!.replace(/\/$/, '');
  const coordinator = COORDINATORS.find((c) => c.id === values.coordinator);
  const municipalities = coordinator?.municipalities ?? ['0957'];
  const webDir = path.resolve(__dirname, '..', 'web');

  console.log(`machine: ${machine()}`);
  const token = await devToken({
    role: 'coordinator',
    sub: values.coordinator!,
    dataScope: municipalities.map((code) => `municipality:${code}`),
  });
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
    exp: number;
  };
  const session = JSON.stringify({
    accessToken: token,
    expiresAt: payload.exp * 1000,
    principal: { sub: values.coordinator, role: 'coordinator', municipalities },
  });

  const browser = await launchChromium(ensureChromium());
  const cold: number[] = [];
  const warm: number[] = [];
  let rows = 0;
  /** The app's files the browser fetched for the first page (cold), as paths below /app/. */
  const loaded = new Set<string>();
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ locale: 'nl-NL' });
      // The app keeps its session in sessionStorage: set it before the app's script runs.
      await context.addInitScript(
        `window.sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)});`,
      );
      const page = await context.newPage();
      if (i === 1) {
        page.on('response', (response) => {
          const { pathname } = new URL(response.url());
          if (pathname.startsWith('/app/assets/')) loaded.add(pathname.slice('/app/'.length));
        });
      }
      const usable = async () => {
        const started = performance.now();
        await page.goto(`${apiUrl}/app/`, { waitUntil: 'commit' });
        // Usable: the werkbak's table (or its "no cases" line) is on the screen.
        await page
          .locator('table.utrecht-table tbody tr, main p:text("Geen zaken gevonden.")')
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 });
        return performance.now() - started;
      };
      const first = await usable();
      const second = await usable();
      rows = await page.locator('table.utrecht-table tbody tr').count();
      // The first round warms the API and the browser: not counted.
      if (i > 0) {
        cold.push(first);
        warm.push(second);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sum = (assets: Asset[], key: 'raw' | 'gzip') => assets.reduce((n, a) => n + a[key], 0);
  const firstPage = ['index.html', ...[...loaded].sort()].map((name) =>
    sizeOf(path.join(webDir, name)),
  );
  const all = wholeApp(webDir);
  console.log(
    '\nwhat the first page of the werkbak loads (dist/web; the API sends it uncompressed)',
  );
  for (const asset of firstPage) {
    console.log(
      `  ${asset.file.padEnd(34)} ${kb(asset.raw).padStart(11)}  gzip ${kb(asset.gzip).padStart(10)}`,
    );
  }
  console.log(
    `  together: ${firstPage.length} files, ${kb(sum(firstPage, 'raw'))}, gzip ${kb(sum(firstPage, 'gzip'))}`,
  );
  console.log(
    `  the whole app: ${all.length} files, ${kb(sum(all, 'raw'))}, gzip ${kb(sum(all, 'gzip'))}`,
  );
  console.log(
    `\nfirst page of the werkbak usable (${values.coordinator}, ${rows} rows, ${runs} runs)`,
  );
  console.log(`  cold cache: median ${fmt(median(cold))} ms, p95 ${fmt(percentile(cold, 95))} ms`);
  console.log(`  warm cache: median ${fmt(median(warm))} ms, p95 ${fmt(percentile(warm, 95))} ms`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
