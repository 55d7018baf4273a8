/**
 * The bench's page scripts are bundled by esbuild (session.ts `bundle`), which has no `import.meta.glob`
 * (a Vite feature renderer/i18n uses to find its namespaces). Those pages measure the database and the
 * search, and show no words: the glob finds nothing there, and i18n keeps only shared/'s catalogs.
 */
export const noGlob = (): Record<string, never> => ({});
