import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// shared/ is typechecked with tsconfig.shared.json: the language and the web platform's worker globals,
// no DOM and no Node. These probes are compiled as if they were files in shared/ with that config.
const root = process.cwd();
const config = ts.readConfigFile(path.join(root, 'tsconfig.shared.json'), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);

const probes: Record<string, string> = {
  'dom-document.ts': 'export const t = document.title;',
  'dom-window.ts': 'export const w = window.innerWidth;',
  'dom-storage.ts': "export const s = localStorage.getItem('x');",
  'node-buffer.ts': "export const b = Buffer.from('x');",
  'node-process.ts': 'export const e = process.env;',
  'ok-webcrypto.ts': "export const k = (): Promise<CryptoKey> => crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);",
  'ok-text.ts': "export const bytes = new TextEncoder().encode('Сход'); export const s = new TextDecoder().decode(bytes);",
  'ok-streams.ts': "export const c = new CompressionStream('gzip'); export const t = setTimeout(() => undefined, 1);",
};
const probePath = (name: string) => path.join(root, 'shared', '__probe__', name);

function errorsByProbe(): Map<string, string[]> {
  const files = new Map(Object.entries(probes).map(([name, text]) => [probePath(name), text]));
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => files.get(path.resolve(f)) ?? readFile(f);
  host.fileExists = (f) => files.has(path.resolve(f)) || fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = files.get(path.resolve(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, ...rest);
  };
  const program = ts.createProgram([...files.keys()], parsed.options, host);
  const out = new Map<string, string[]>();
  for (const name of Object.keys(probes)) {
    const sf = program.getSourceFile(probePath(name));
    const diags = sf ? ts.getPreEmitDiagnostics(program, sf) : [];
    out.set(name, diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
  }
  return out;
}

describe('tsconfig.shared.json keeps shared/ free of the DOM and of Node', () => {
  const errors = errorsByProbe();

  it.each(['dom-document.ts', 'dom-window.ts', 'dom-storage.ts', 'node-buffer.ts', 'node-process.ts'])(
    'a use in %s fails the typecheck',
    (name) => {
      expect(errors.get(name)?.join('\n')).toMatch(/Cannot find name/);
    },
  );

  it.each(['ok-webcrypto.ts', 'ok-text.ts', 'ok-streams.ts'])('the web platform common to every runtime compiles in %s', (name) => {
    expect(errors.get(name)).toEqual([]);
  });
});
