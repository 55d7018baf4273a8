import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import uiText from './scripts/eslint/ui-text.js';
import dbWrites from './scripts/eslint/db-writes.js';

// ════════════════════════════════════════════════════════════════════════════════════════════════
// LAYER RULES — DO NOT RELAX THESE. They are the architecture of docs/ARCHITECTURE.md «1. Layers», enforced:
//   shared/    imports nothing of ours (no renderer/, electron/, resources/), no dexie, no electron,
//              no node:*, no react — pure TypeScript that runs anywhere.
//   renderer/  never imports electron/ (nor the electron package, nor node:*); dexie only in renderer/db.
//   electron/  never imports renderer/; no dexie (the main process never touches IndexedDB).
//   cli/       Node command-line tool: shared/ and node:*, never renderer/ or electron/.
// A wrong import fails `npm run lint` and therefore `npm test` and CI (tests/unit/lint/layers.test.ts).
// ════════════════════════════════════════════════════════════════════════════════════════════════
const ourTop = (dir) => ({ regex: `^(\\.\\.?/)+(\\.\\./)*${dir}(/|$)`, message: `этот слой не импортирует ${dir}/ (см. docs/ARCHITECTURE.md «1. Layers»)` });
const nodeBuiltins = { regex: '^node:', message: 'node:* — только в electron/ (main process)' };
const electronPkg = { regex: '^electron(/|$)', message: 'пакет electron — только в electron/' };
const dexiePkg = { regex: '^dexie(-react-hooks)?(/|$)', message: 'dexie — только в renderer/db (данные — через репозитории и хуки)' };
const reactPkg = { regex: '^react(-dom)?(/|$)', message: 'shared/ не зависит от React' };
// Features talk to each other only through each feature's index.ts: from renderer/features/<b>/, `../<a>` (or
// `../<a>/index`) is fine, `../<a>/<file>` is another feature's internals. Below features/, nothing imports features/.
const featureInternals = {
  regex: '^(\\.\\./(?!\\.)[^/]+|(\\.\\./)+features/[^/]+)/(?!index(\\.tsx?)?$).+',
  message: 'другая функция — только через её index.ts: импортируйте из «../<функция>», не из её файлов (см. docs/ARCHITECTURE.md «1. Layers»)',
};
const noFeatures = { regex: '^(\\.\\./)+features(/|$)', message: 'components/, hooks/, stores/, common/ и db/ не импортируют features/ (см. docs/ARCHITECTURE.md «1. Layers»)' };
// the project's own rules: skhod/ui-text (words from the locale files), skhod/db-writes (one write path)
const skhod = { rules: { ...uiText.rules, ...dbWrites.rules } };
const restrict = (...patterns) => ['error', { patterns: patterns.map((p) => ({ ...p })) }];

// Controls that only the UI kit writes by hand (the rule below; its messages say what to use instead).
const kitOnly = (selector, instead) => ({ selector, message: `${instead} из renderer/components/ui (см. docs/ARCHITECTURE.md «1. Layers», UI kit): метка, ошибка рядом и клавиатура — одинаково везде` });
const uiKitOnly = [
  kitOnly("JSXOpeningElement[name.name='select']", '<select> — только через SelectField (с меткой) или Select (с aria-label)'),
  kitOnly("JSXOpeningElement[name.name='textarea']", '<textarea> — только через TextAreaField'),
  kitOnly("JSXOpeningElement[name.name='dialog']", '<dialog> — только через Dialog, FormDialog или ActionDialog'),
  kitOnly("CallExpression[callee.property.name='showModal']", 'showModal() — его вызывает только Dialog; берите Dialog, FormDialog или ActionDialog'),
  kitOnly("JSXOpeningElement[name.name='label']:has(JSXAttribute[name.name='className'][value.value=/^field( |$)/])", 'поле с меткой — только через TextField, NumberField, SelectField, TextAreaField или Field'),
];

// GLOBALS PER LAYER: each folder sees only the globals of the place its code runs. shared/ runs everywhere, so it
// gets only what the browser, workers and Node all have (timers, console, WebCrypto, TextEncoder, URL, streams —
// the same set as tsconfig.shared.json's ES2023 + WebWorker; no storage); renderer/ the browser's; electron/,
// cli/, scripts/ and the root config files Node's; tests/ both. `languageOptions.globals` is what `no-undef`
// checks in .js files; TypeScript files leave names to tsc (typescript-eslint turns `no-undef` off), so there
// `no-restricted-globals` refuses the other layer's globals by name (tests/unit/lint/globals.test.ts).
const keys = (set) => Object.keys(set);
const without = (set, ...others) => Object.fromEntries(Object.entries(set).filter(([k]) => !others.some((o) => k in o)));
const everywhere = without(globals['shared-node-browser'], { localStorage: 1, sessionStorage: 1, Storage: 1 });
const browserOnly = without(globals.browser, globals.node);
const nodeOnly = without(globals.node, globals.browser);
const refuseGlobals = (names, message) => ['error', ...names.map((name) => ({ name, message }))];
const layerGlobals = [
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: everywhere },
    rules: {
      'no-restricted-globals': refuseGlobals(
        keys(without({ ...globals.browser, ...globals.node }, everywhere)),
        'shared/ работает везде: без DOM (window, document, хранилища) и без Node (process, Buffer) — передайте значение параметром (см. docs/ARCHITECTURE.md «1. Layers»)',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-globals': refuseGlobals(keys(nodeOnly), 'глобальные объекты Node (process, Buffer, require) — только в electron/, cli/, scripts/; окну они приходят через мост (renderer/bridge)') },
  },
  {
    files: ['{electron,cli}/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-globals': refuseGlobals(keys(browserOnly), 'глобальные объекты браузера (window, document) — только в renderer/; main process и CLI работают в Node') },
  },
  { files: ['scripts/**/*.{js,mjs,cjs}', '*.{js,mjs,cjs,ts}', 'bench/**/*.{js,mjs,ts}'], languageOptions: { globals: globals.node } },
  { files: ['tests/**/*.{ts,tsx,js,mjs}'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results*', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // electron-builder hooks are CommonJS by its contract
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerGlobals,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // the React Compiler is not used, so its memoization warnings about libraries do not apply
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/incompatible-library': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(ourTop('renderer'), ourTop('electron'), ourTop('resources'), ourTop('tests'), nodeBuiltins, electronPkg, dexiePkg, reactPkg),
    },
  },
  {
    // features, components and stores read data through renderer/hooks and write through renderer/db/repo
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**', 'renderer/hooks/**'],
    rules: { 'no-restricted-imports': restrict(ourTop('electron'), ourTop('tests'), nodeBuiltins, electronPkg, dexiePkg) },
  },
  {
    // each feature uses another only through that feature's index.ts (the shell, App.tsx, mounts pages by path)
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(ourTop('electron'), ourTop('tests'), nodeBuiltins, electronPkg, dexiePkg, featureInternals) },
  },
  {
    files: ['renderer/{components,stores,common}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict(ourTop('electron'), ourTop('tests'), nodeBuiltins, electronPkg, dexiePkg, noFeatures) },
  },
  {
    // hooks are the one place that reads through useLiveQuery (dexie-react-hooks); dexie itself stays in db/
    files: ['renderer/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(ourTop('electron'), ourTop('tests'), nodeBuiltins, electronPkg, {
        regex: '^dexie(/|$)',
        message: 'dexie — только в renderer/db (данные — через репозитории и хуки)',
      }, noFeatures),
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(ourTop('electron'), ourTop('tests'), nodeBuiltins, electronPkg, noFeatures) },
  },
  {
    // the command-line tool runs on Node without Electron: shared/ and node:* only
    files: ['cli/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(ourTop('renderer'), ourTop('electron'), ourTop('tests'), electronPkg, dexiePkg) },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(ourTop('renderer'), ourTop('tests'), dexiePkg) },
  },
  {
    // One write path: outside renderer/db no Dexie write goes around the repositories (scripts/eslint/db-writes.js)
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**'],
    plugins: { skhod },
    rules: { 'skhod/db-writes': 'error' },
  },
  {
    // an entry of the change log may be a page of many changes: only change-pages.ts reads entries as values
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/change-pages.ts'],
    plugins: { skhod },
    rules: { 'skhod/change-log-reads': 'error' },
  },
  {
    // features do not even read the database handle: data comes through renderer/hooks and renderer/db/repo
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: { 'skhod/db-writes': ['error', { reads: true }] },
  },
  {
    // One UI kit (renderer/components/ui): selects, text areas, modal dialogs and labelled fields are built from it,
    // so every one gets its label, its error beside it, Esc, the focus trap and the busy state the same way
    // (tests/unit/lint/ui-kit.test.ts). Checkboxes, radios, file inputs and the desk's search combobox stay plain.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/components/ui/**'],
    rules: { 'no-restricted-syntax': ['error', ...uiKitOnly] },
  },
  {
    // Words a user reads come from renderer/i18n/<lang>/<namespace>.ts (scripts/eslint/ui-text.js), in every file.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/i18n/**'],
    plugins: { skhod },
    rules: { 'skhod/ui-text': 'error' },
  },
);
