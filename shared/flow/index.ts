/** Minimum-cost flow: the exact optimizer under section assignment (shared/sections) and jury assignment (shared/contest). */
export type { FlowAlgorithm, FlowResult } from './min-cost-flow';
export { FlowNetwork } from './min-cost-flow';
