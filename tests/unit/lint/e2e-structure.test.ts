import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// How the Playwright specs stay readable (issue 24): a spec is user steps and checks. Devices (browser
// contexts) are opened only by tests/e2e/fixtures.ts, so the two-device, juror-laptop and crash-reopen
// set-ups are written once; locators live in the page objects of tests/e2e/pages, so a changed label is
// fixed in one place. The ceiling below is where the specs stand: lower it when you move more locators
// into pages, never raise it.
export const RAW_LOCATOR_CEILING = 68;

/** Methods that find elements on a page: a spec calling them holds a locator a page object should own. */
const LOCATOR_METHODS = new Set(['getByRole', 'getByLabel', 'getByText', 'getByPlaceholder', 'getByTestId', 'getByAltText', 'getByTitle', 'locator']);
/** Methods that open a browser context or a browser: only the fixture may. */
const CONTEXT_METHODS = new Set(['newContext', 'newPersistentContext', 'launch', 'launchPersistentContext']);

export type SpecShape = { rawLocators: number; contexts: string[] };

/** Counts a spec's element-finding calls and lists its hand-opened contexts (as `line: text`). */
export function specShape(fileName: string, text: string): SpecShape {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const shape: SpecShape = { rawLocators: 0, contexts: [] };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (LOCATOR_METHODS.has(method)) shape.rawLocators++;
      if (CONTEXT_METHODS.has(method)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        shape.contexts.push(`${fileName}:${line}: ${node.getText(source).split('\n')[0]}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return shape;
}

const E2E = join(process.cwd(), 'tests', 'e2e');
const specs = readdirSync(E2E)
  .filter((name) => name.endsWith('.spec.ts'))
  .map((name) => ({ name, shape: specShape(name, readFileSync(join(E2E, name), 'utf8')) }));
const pages = readdirSync(join(E2E, 'pages'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, shape: specShape(`pages/${name}`, readFileSync(join(E2E, 'pages', name), 'utf8')) }));

describe('e2e structure', () => {
  it('finds the specs and the page objects it guards', () => {
    expect(specs.length).toBeGreaterThan(15);
    expect(pages.length).toBeGreaterThan(8);
  });

  it('no spec or page object opens a browser context by hand: devices come from tests/e2e/fixtures.ts', () => {
    expect([...specs, ...pages].flatMap((s) => s.shape.contexts)).toEqual([]);
  });

  it(`the specs hold at most ${RAW_LOCATOR_CEILING} raw locator calls: the rest belong to page objects`, () => {
    const total = specs.reduce((sum, s) => sum + s.shape.rawLocators, 0);
    const bySpec = Object.fromEntries(specs.filter((s) => s.shape.rawLocators > 0).map((s) => [s.name, s.shape.rawLocators]));
    expect(total, JSON.stringify(bySpec)).toBeLessThanOrEqual(RAW_LOCATOR_CEILING);
  });

  it('the checks catch a context opened by hand and count every kind of locator call', () => {
    const spec = [
      "test('x', async ({ browser, page }) => {",
      '  const context = await browser.newContext({ locale: "ru-RU" });',
      "  await page.getByRole('button', { name: 'Готово' }).click();",
      "  await page.locator('.banner').getByText('прибытие').waitFor();",
      "  await page.getByLabel('Поиск').fill(desk.fieldName('getByRole'));",
      '});',
    ].join('\n');
    const shape = specShape('hand.spec.ts', spec);
    expect(shape.contexts).toEqual(['hand.spec.ts:2: browser.newContext({ locale: "ru-RU" })']);
    expect(shape.rawLocators).toBe(4);
    expect(specShape('fine.spec.ts', "test('x', async ({ openDevice }) => { const d = await openDevice(); await desk.checkIn('Иванов'); });")).toEqual({ rawLocators: 0, contexts: [] });
  });
});
