import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/stack/chromium';
import { apiUrl, type Caller } from './e2e';

/**
 * The werkplek's browser tests: Debian's Chromium (scripts/stack/chromium.ts, found or installed
 * by the e2e setup) driven by Playwright against the e2e stack's API, which serves the app.
 */
export async function openBrowser(): Promise<Browser> {
  const executablePath = process.env.E2E_CHROMIUM;
  if (!executablePath) throw new Error('E2E_CHROMIUM is not set: run through the e2e project');
  return launchChromium(executablePath);
}

/** A new page in its own context (own sessionStorage), in Dutch, at a laptop's size. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

export const appUrl = (pathInApp = '/') => `${apiUrl()}/app${pathInApp}`;

/** Logs in through the app's dev login form, as a person would: role, id and scope. */
export async function logIn(page: Page, caller: Caller, pathInApp = '/'): Promise<void> {
  await page.goto(appUrl(pathInApp));
  await page.getByLabel('Rol').selectOption(caller.role);
  await page.getByLabel('Gebruikersnaam').fill(caller.sub);
  const scope =
    caller.municipalities?.join(', ') ?? caller.agbCode ?? caller.organisationId ?? undefined;
  if (scope !== undefined) {
    const label =
      caller.role === 'provider'
        ? 'AGB-code'
        : caller.role === 'veilig-thuis' || caller.role === 'gi'
          ? 'Organisatie'
          : 'Gemeentecodes';
    await page.getByLabel(label).fill(scope);
  }
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

export interface AxeOutcome {
  page: string;
  violations: string[];
  passes: number;
}

/**
 * axe-core against WCAG 2.1 A and AA on what the page shows now. Returns the violations as
 * `rule: target` lines (empty when none), and logs the outcome per page for the closing note.
 */
export async function axeCheck(page: Page, name: string): Promise<AxeOutcome> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
  console.log(
    `[axe] ${name}: ${violations.length} violations, ${result.passes.length} rules passed`,
  );
  return { page: name, violations, passes: result.passes.length };
}

/** With WEB_SCREENSHOTS=<folder> (npm run web:screenshots), a screenshot of the page there. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.WEB_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `werkplek-${name}.png`), fullPage: true });
}
