/** Sections: people's ranked wishes (prefs) and the exact assignment of people to sections (assign, on shared/flow). */
export type { Objective, SectionInput, SectionResult, SectionWeights, WaitlistReason } from './model';
export { compareObjectives, defaultRankCost, evaluateSections } from './model';
export { assignSections } from './assign';
export { bruteForceSections } from './brute-force';
