/**
 * Сход's own file types, which the installers associate with the app (electron-builder.yml
 * `fileAssociations`): opening one in the file manager starts Сход and goes to its preview.
 */
export const OPENABLE_EXTENSIONS = {
  skhod: 'exchange',
  'skhod-jury': 'juror-package',
  /** A project's report package (shared/projects/report-package.ts), opened on the team's device. */
  'skhod-report': 'report-package',
  /** A team's report file (shared/projects/report-file.ts), loaded on the organizer's device. */
  'skhod-otchet': 'report-file',
} as const;

export type OpenedKind = (typeof OPENABLE_EXTENSIONS)[keyof typeof OPENABLE_EXTENSIONS];

/** The kind of a file by its name's extension, or null for any other file. */
export function openedKind(fileName: string): OpenedKind | null {
  const m = /\.([a-z-]+)$/i.exec(fileName);
  const ext = m?.[1]?.toLowerCase();
  return ext !== undefined && Object.hasOwn(OPENABLE_EXTENSIONS, ext) ? OPENABLE_EXTENSIONS[ext as keyof typeof OPENABLE_EXTENSIONS] : null;
}
