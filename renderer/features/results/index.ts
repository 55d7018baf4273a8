// What other features may use of the results: the results panel.
export { ResultsPanel } from './ResultsPanel';
