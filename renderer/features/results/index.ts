// What other features may use of the results: the results panel and the Russian plural helper of its texts.
export { ResultsPanel } from './ResultsPanel';
export { plural } from './format';
