// What other features may use of the contest: the names of aggregation methods and tie-breaks (results show them).
export { methodLabel, tieBreakLabel } from './labels';
