// What other features may use of the list import: the wizard, and the parse worker.
export { ImportWizard } from './ImportWizard';
export { ParseWorker } from './worker-client';
