import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Feature boundaries of docs/ARCHITECTURE.md «1. Layers»: a feature uses another only through its index.ts,
// and nothing below features/ (components, hooks, stores, common, db) imports a feature.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('feature boundaries in the lint config', () => {
  const refused: Array<[string, string]> = [
    ['renderer/features/exchange/bad.ts', "import { x } from '../audit/audit-model';"],
    ['renderer/features/contest/bad.tsx', "import { x } from '../import/worker-client';"],
    ['renderer/features/desk/bad.tsx', "import { x } from '../reports/CertificatesDialog';"],
    ['renderer/features/desk/bad.ts', "import { x } from '../../features/reports/CertificatesDialog';"],
    ['renderer/features/desk/bad.ts', "export { x } from '../jury/PackageCodePrompt';"],
    ['renderer/components/bad.tsx', "import { x } from '../features/settings';"],
    ['renderer/hooks/bad.ts', "import { x } from '../features/audit/audit-model';"],
    ['renderer/db/repo/bad.ts', "import { x } from '../../features/import';"],
    ['renderer/stores/bad.ts', "import { x } from '../features/desk';"],
  ];
  it.each(refused)('refuses in %s: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toHaveLength(1);
  });

  const allowed: Array<[string, string]> = [
    ['renderer/features/exchange/ok.ts', "import { x } from '../audit';"],
    ['renderer/features/exchange/ok.ts', "import { x } from '../audit/index';"],
    ['renderer/features/exchange/ok.ts', "import { x } from './labels';"],
    ['renderer/features/exchange/ok.ts', "import { x } from '../../components/organizer-gate';"],
    ['renderer/features/exchange/ok.ts', "import { x } from '../../common/tables';"],
    ['renderer/features/exchange/ok.ts', "import { x } from '../../db/repo/exchange-export';"],
    ['renderer/features/exchange/ok.ts', "import { x } from '../../../shared/sync/change';"],
    ['renderer/ok.tsx', "import { x } from './features/desk/DeskPage';"],
  ];
  it.each(allowed)('allows in %s: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  });

  it('every feature folder has an index.ts', () => {
    const root = join(process.cwd(), 'renderer/features');
    const missing = readdirSync(root)
      .filter((d) => statSync(join(root, d)).isDirectory())
      .filter((d) => !readdirSync(join(root, d)).includes('index.ts'));
    expect(missing).toEqual([]);
  });
});
