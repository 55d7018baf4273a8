/**
 * The type an English namespace must have: every key of the Russian one, strings at the leaves. Plural
 * families differ by language (Russian one/few/many/other, English one/other), so English may leave out
 * the `_few` and `_many` forms; tests/unit/renderer/i18n/locales.test.ts checks the families at run time
 * (for the renderer's namespaces and for shared/'s message catalogs, which it loads as namespaces too).
 */
type RussianOnlyPlural = `${string}_few` | `${string}_many`;

export type Locale<T> = {
  [K in keyof T as K extends RussianOnlyPlural ? never : K]: T[K] extends string ? string : Locale<T[K]>;
} & {
  [K in keyof T as K extends RussianOnlyPlural ? K : never]?: string;
};
