export type { MatchKind, SearchDoc, SearchHit } from './types';
export { SearchIndex } from './search-index';
export { foldRussian } from './fold';
export { latinLayoutToCyrillic } from './keyboard';
export type { EnterDecision } from './enter';
export { enterDecision } from './enter';
export { badgeCodesOf, MAX_QUERY_LENGTH } from './query';
