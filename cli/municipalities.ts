import { readFileSync } from 'node:fs';
import type { MunicipalityInput } from '../shared/generator';

/**
 * The reference municipalities shipped with the app. Resolved from this file, not the working
 * directory, so `npm run cli` works from anywhere in the repo.
 */
export function loadMunicipalities(): MunicipalityInput[] {
  const url = new URL('../resources/municipalities.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as MunicipalityInput[];
}
