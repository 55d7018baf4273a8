export type { MatchKind, SearchDoc, SearchHit } from './types';
export { SearchIndex } from './search-index';
export { foldRussian } from './fold';
export { latinLayoutToCyrillic } from './keyboard';
