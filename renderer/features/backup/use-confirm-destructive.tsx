import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizerGate } from '../../components/organizer-gate';
import type { ConfirmDestructive } from './confirm';

/**
 * The gate for restore, its undo and the backups' passphrase: the organizer PIN on a desk, district or juror device (the
 * settings area's useOrganizerGate), straight through on the organizer's own device. `override`
 * replaces it (tests, or a caller with its own gate). Render the returned node, or the gate's
 * dialog never shows.
 */
export function useConfirmDestructive(override?: ConfirmDestructive): [ConfirmDestructive, ReactNode] {
  const { t } = useTranslation('backup');
  const [askOrganizer, gateDialog] = useOrganizerGate();
  return [override ?? ((action) => askOrganizer(t(`gate.${action.kind}`))), gateDialog];
}
