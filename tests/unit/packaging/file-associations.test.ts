import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENABLE_EXTENSIONS } from '../../../shared/ipc/opened-files';

describe('file associations', () => {
  it('the installers associate exactly the file types the app knows how to open', () => {
    const yml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
    const block = yml.slice(yml.indexOf('\nfileAssociations:'));
    const extensions = [...block.matchAll(/^ {2}- ext: (\S+)$/gm)].map((m) => m[1]);
    expect(extensions.sort()).toEqual(Object.keys(OPENABLE_EXTENSIONS).sort());
  });
});
