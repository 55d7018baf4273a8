// The final report of the project (issue 25): a button and its dialog, mounted on the projects page and in «Отчёты».
export { FinalReportButton, FinalReportDialog } from './FinalReportDialog';
export { finalReportSheets, finalReportXlsx } from './final-report-xlsx';
