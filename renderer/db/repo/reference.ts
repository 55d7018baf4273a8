import referenceMunicipalities from '../../../resources/municipalities.json';
import type { Municipality, MunicipalityKind } from '../../../shared/domain/types';
import type { SkhodDb } from '../database';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';
import { fail } from './fail';

type ReferenceEntry = { name: string; kind: MunicipalityKind; region: string; federalDistrict: string };

/**
 * Built-in municipalities get ids derived from their names, so every device seeds the very same rows
 * and they never need to travel in exchange files. Seeding writes no change records for that reason.
 */
export function builtinMunicipalityId(name: string): string {
  return `ref:${name}`;
}

export const builtinMunicipalities: Municipality[] = (referenceMunicipalities as ReferenceEntry[]).map((m) => ({
  id: builtinMunicipalityId(m.name),
  name: m.name,
  kind: m.kind,
  region: m.region,
  federalDistrict: m.federalDistrict,
  builtin: true,
}));

export async function seedReferenceData(db: SkhodDb): Promise<void> {
  // usually all there: a read, and no write transaction at start
  const present = await db.municipalities.bulkGet(builtinMunicipalities.map((m) => m.id));
  if (present.every(Boolean)) return;
  await db.transaction('rw', db.municipalities, async () => {
    const have = await db.municipalities.bulkGet(builtinMunicipalities.map((m) => m.id));
    const missing = builtinMunicipalities.filter((_, i) => !have[i]);
    if (missing.length) await db.municipalities.bulkAdd(missing);
  });
}

/** A municipality of another region, added by a user (e.g. «г. Кирово-Чепецк», Кировская область). */
export async function addMunicipality(
  ctx: DbContext,
  input: Omit<Municipality, 'id' | 'builtin'>,
): Promise<Municipality> {
  const name = input.name.trim();
  if (!name) fail('reference.municipalityName');
  return ctx.db.transaction('rw', ctx.db.municipalities, ctx.db.changes, async () => {
    const same = await ctx.db.municipalities.where('name').equals(name).first();
    if (same) return same;
    const row: Municipality = { ...input, name, id: crypto.randomUUID(), builtin: false };
    await putTracked(ctx, 'municipalities', [row]);
    return row;
  });
}

export function listMunicipalities(ctx: DbContext): Promise<Municipality[]> {
  return ctx.db.municipalities.toArray();
}
