import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules of docs/ARCHITECTURE.md «1. Layers» live in eslint.config.js; these cases prove a wrong import fails lint.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules in the lint config', () => {
  const refused: Array<[string, string]> = [
    ['shared/domain/bad.ts', "import { x } from '../../renderer/db/database';"],
    ['shared/bad.ts', "import { x } from '../electron/ipc';"],
    ['shared/bad.ts', "import x from '../resources/municipalities.json';"],
    ['shared/bad.ts', "import x from 'dexie';"],
    ['shared/bad.ts', "import { x } from 'electron';"],
    ['shared/bad.ts', "import { x } from 'node:fs';"],
    ['shared/bad.ts', "import { x } from 'react';"],
    ['renderer/features/desk/bad.ts', "import { x } from '../../../electron/ipc';"],
    ['renderer/bad.ts', "import { x } from 'electron';"],
    ['renderer/components/bad.ts', "import { x } from 'node:path';"],
    ['renderer/features/desk/bad.ts', "import x from 'dexie';"],
    ['renderer/features/desk/bad.ts', "import { useLiveQuery as x } from 'dexie-react-hooks';"],
    ['renderer/hooks/bad.ts', "import x from 'dexie';"],
    ['electron/bad.ts', "import { x } from '../renderer/db/database';"],
    ['electron/bad.ts', "import x from 'dexie';"],
  ];
  it.each(refused)('refuses in %s: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toHaveLength(1);
  });

  const allowed: Array<[string, string]> = [
    ['shared/demo/ok.ts', "import { x } from '../generator';"],
    ['renderer/db/ok.ts', "import x from 'dexie';"],
    ['renderer/hooks/ok.ts', "import { useLiveQuery as x } from 'dexie-react-hooks';"],
    ['renderer/features/desk/ok.ts', "import { x } from '../../../shared/domain/types';"],
    ['electron/ok.ts', "import { x } from 'node:fs';"],
    ['electron/ok.ts', "import { x } from '../shared/ipc/contract';"],
  ];
  it.each(allowed)('allows in %s: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });
});
