/** The headers the app writes into its files are the ones the importer recognizes, field by field. */
import { describe, expect, it } from 'vitest';
import { LIST_COLUMNS, TEMPLATE_COLUMNS } from '../../../../shared/import/formats';
import { KEY_HEADER } from '../../../../shared/import/header';
import { autoMap, matchHeader } from '../../../../shared/import/mapping';

describe('file formats the app writes and reads back', () => {
  it('every column of the district template maps to its field; the key column is the key', () => {
    const headers = TEMPLATE_COLUMNS.map(([h]) => h);
    const expected = Object.fromEntries(TEMPLATE_COLUMNS.flatMap(([, f], i) => (f === 'key' ? [] : [[f, i]])));
    expect(autoMap(headers)).toEqual(expected);
    expect(headers[0]).toBe(KEY_HEADER);
  });

  it('every loaded column of a participant list maps to its field, the others to none', () => {
    for (const [header, field] of LIST_COLUMNS) {
      const got = matchHeader(header);
      if (field) expect(got, header).toBe(field);
      else expect(got === null || got === 'ignore', header).toBe(true);
    }
  });
});
