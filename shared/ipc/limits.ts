/** Largest file the renderer may ask to open or save (a 100k-row workbook is ~15 MiB). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
