/**
 * How a repository refuses a write: it throws one Error whose message the screen shows as it stands, and
 * nothing is written (the throw rolls back the surrounding `rw` transaction). Messages come from the `db`
 * namespace (renderer/i18n/ru|en/db.ts) through `dbText`.
 */
import { sayText, tr } from '../../i18n';
import type { Said } from '../../../shared/text/said';

/** Values put into a message's `{{placeholders}}`. */
export type MessageValues = Record<string, string | number>;

/** A message of the `db` namespace, e.g. `dbText('contest.notFound')`. */
export const dbText = (key: string, values?: MessageValues): string => tr('db')(key, values ?? {});

/**
 * Refuses with a message of the `db` namespace. Declared with its type so that TypeScript knows the
 * statement `if (!row) fail('…')` does not return and narrows `row` after it.
 */
export const fail: (key: string, values?: MessageValues) => never = (key, values) => {
  throw new Error(dbText(key, values));
};

/**
 * Refuses with a message already worded or with a shared rule's verdict (shared/text/said.ts), worded in the
 * interface language; several read as one message.
 */
export const refuse: (...words: Array<Said | string>) => never = (...words) => {
  throw new Error(words.map((w) => (typeof w === 'string' ? w : sayText(w))).join(' '));
};
