export type { FlowAlgorithm, FlowResult } from './min-cost-flow';
export { FlowNetwork } from './min-cost-flow';
export type { Objective, SectionInput, SectionResult, SectionWeights, WaitlistReason } from './section-model';
export { compareObjectives, defaultRankCost, evaluateSections } from './section-model';
export { assignSections } from './sections';
export { bruteForceSections } from './brute-force';
