/**
 * Finding Russian words in code: every string and template literal with Cyrillic in it (comments and
 * regular expressions are not literals). Used by the guards of shared/ (shared-words.test.ts) and of the
 * Electron main process (electron-words.test.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const CYRILLIC = /[А-Яа-яЁё]/;

/** The TypeScript sources under `dir`, tests left out. */
export function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `file:line: text` of every string or template literal with Cyrillic in it. */
export function russianLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (literal && CYRILLIC.test(node.text)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text.slice(0, 60)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
