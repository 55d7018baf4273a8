import { said, type Said } from '../../shared/text/said';
import { BridgeError } from '../errors';

/** Why a file operation failed, in words a desk operator can act on (fileAccess:reasons). */
function reasonFor(code: string | undefined): Said {
  switch (code) {
    case 'ENOENT':
      return said('fileAccess:reasons.notFound');
    case 'EACCES':
    case 'EPERM':
      return said('fileAccess:reasons.noAccess');
    case 'EBUSY':
      return said('fileAccess:reasons.busy');
    case 'ENOSPC':
      return said('fileAccess:reasons.noSpace');
    case 'EROFS':
      return said('fileAccess:reasons.readOnly');
    case 'EISDIR':
      return said('fileAccess:reasons.isFolder');
    case 'ENAMETOOLONG':
      return said('fileAccess:reasons.nameTooLong');
    default:
      return said('fileAccess:reasons.other');
  }
}

/**
 * Turns a Node fs error into a BridgeError('io') that names the file (or, as a `Said`, the folder) and the
 * reason; the raw error is logged.
 */
export function ioError(action: 'read' | 'write', fileName: string | Said, err: unknown): BridgeError {
  if (err instanceof BridgeError) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
  console.error(`[skhod:fs] cannot ${action} ${typeof fileName === 'string' ? fileName : fileName.key}`, err);
  return new BridgeError('io', said(action === 'read' ? 'fileAccess:readFailed' : 'fileAccess:writeFailed', { name: fileName, reason: reasonFor(code) }));
}
