/** The access code of a juror's sealed package: the shared PackageCodeDialog with the juror's record. */
import { PackageCodeDialog as CodeDialog } from '../../components/PackageCodeDialog';
import type { PackageCode } from '../../db/repo/package-codes';
import { formatWhen } from './labels';

/** `fresh`: shown right after the export (the file was just saved); otherwise reopened from the returns board. */
export function PackageCodeDialog({ record, fresh, onClose }: { record: PackageCode; fresh: boolean; onClose: () => void }) {
  return <CodeDialog recipient="juror" name={record.jurorName} code={record.code} fileName={record.fileName} {...(fresh ? {} : { savedWhen: formatWhen(record.savedAt) })} onClose={onClose} />;
}
