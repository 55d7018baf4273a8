import type { ReactNode } from 'react';
import { useOrganizerGate } from '../../components/organizer-gate';
import type { ConfirmDestructive, DestructiveKind } from './confirm';

const WHAT: Record<DestructiveKind, string> = {
  restore: 'восстановить данные из резервной копии',
  'undo-restore': 'отменить восстановление из резервной копии',
  'backup-passphrase': 'изменить пароль резервных копий',
};

/**
 * The gate for restore, its undo and the backups' passphrase: the organizer PIN on a desk, district or juror device (the
 * settings area's useOrganizerGate), straight through on the organizer's own device. `override`
 * replaces it (tests, or a caller with its own gate). Render the returned node, or the gate's
 * dialog never shows.
 */
export function useConfirmDestructive(override?: ConfirmDestructive): [ConfirmDestructive, ReactNode] {
  const [askOrganizer, gateDialog] = useOrganizerGate();
  return [override ?? ((action) => askOrganizer(WHAT[action.kind])), gateDialog];
}
