// What other features may use of reports: the certificates dialog (the desk prints from it).
export { CertificatesDialog } from './CertificatesDialog';
