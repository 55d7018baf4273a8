// What other features may use of the juror's side: opening a juror package and its access code.
export { JurorEntryButton } from './JurorEntryButton';
export { OpenPackageButton } from './OpenPackageButton';
export { usePackageCode } from './PackageCodePrompt';
