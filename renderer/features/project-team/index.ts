// What other features and the shell may use of the team's report mode.
export { TeamApp, TeamEntryButton } from './TeamApp';
export { OpenReportPackageButton } from './OpenReportPackageButton';
