/**
 * Step 5: would another method change the result? Every method is ranked with the same declared
 * tie-break chain, so a difference between columns is the method's doing and nothing else's.
 */
import { AGGREGATION_METHODS } from './types';
import type { AggregationMethod, ApplicationSensitivity, MethodDependentPlace, PlacesByMethod, Ranking, Sensitivity } from './types';

function placeMap(ranking: Ranking): Map<string, number | null> {
  return new Map(ranking.entries.map((e) => [e.applicationId, e.place]));
}

/**
 * Per application: its place under each method, best and worst, and whether they differ (in the
 * official ranking's order). Per place number occurring under any method: who holds it under each
 * method; a place is method-dependent when those sets are not all the same (a shared place that one
 * method splits counts too: "2, 2" against "2, 3").
 */
export function computeSensitivity(rankings: Readonly<Record<AggregationMethod, Ranking>>, official: AggregationMethod): Sensitivity {
  const maps = Object.fromEntries(AGGREGATION_METHODS.map((m) => [m, placeMap(rankings[m])])) as Record<AggregationMethod, Map<string, number | null>>;

  const applications: ApplicationSensitivity[] = rankings[official].entries.map((e) => {
    const places = Object.fromEntries(AGGREGATION_METHODS.map((m) => [m, maps[m].get(e.applicationId) ?? null])) as PlacesByMethod;
    const known = AGGREGATION_METHODS.flatMap((m) => (places[m] === null ? [] : [places[m]]));
    const best = known.length ? Math.min(...known) : null;
    const worst = known.length ? Math.max(...known) : null;
    return { applicationId: e.applicationId, places, best, worst, dependsOnMethod: best !== worst };
  });

  // one pass per method instead of a filter per place: 500 places × 5 methods stays linear
  const byPlace = new Map<number, Record<AggregationMethod, string[]>>();
  for (const m of AGGREGATION_METHODS) {
    for (const e of rankings[m].entries) {
      if (e.place === null) continue;
      let occupants = byPlace.get(e.place);
      if (!occupants) byPlace.set(e.place, (occupants = Object.fromEntries(AGGREGATION_METHODS.map((mm) => [mm, [] as string[]])) as Record<AggregationMethod, string[]>));
      occupants[m].push(e.applicationId);
    }
  }
  const methodDependentPlaces: MethodDependentPlace[] = [];
  for (const place of [...byPlace.keys()].sort((a, b) => a - b)) {
    const occupants = byPlace.get(place)!;
    for (const m of AGGREGATION_METHODS) occupants[m].sort();
    const first = occupants[AGGREGATION_METHODS[0]!].join('\u0000');
    if (AGGREGATION_METHODS.some((m) => occupants[m].join('\u0000') !== first)) methodDependentPlaces.push({ place, occupants });
  }

  return {
    applications,
    changedApplicationIds: applications.filter((a) => a.dependsOnMethod).map((a) => a.applicationId),
    methodDependentPlaces,
  };
}
