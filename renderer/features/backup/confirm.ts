/**
 * The one gate in front of destructive backup actions (restore, undo of a restore, the passphrase of copies saved to a file): resolves true
 * when the action may go ahead. The default (use-confirm-destructive.tsx) asks for the organizer PIN
 * on a non-organizer device; `allowDestructive` lets everything through (tests).
 */
export type DestructiveKind = 'restore' | 'undo-restore' | 'backup-passphrase';
export type DestructiveAction = { kind: DestructiveKind; title: string };
export type ConfirmDestructive = (action: DestructiveAction) => Promise<boolean>;

export const allowDestructive: ConfirmDestructive = async () => true;
