import { describe, expect, it } from 'vitest';
import { BackupError } from '../../../../shared/backup/format';
import { ruMessages } from '../../../../shared/text/messages/ru';
import { isSaid, said, saidOf, SaidError, wordRu } from '../../../../shared/text/said';

describe('wordRu: shared/ messages in Russian, from the catalog', () => {
  it('words a key with its values, numbers and sizes the Russian way', () => {
    expect(wordRu(said('fileBackup:details.tooManyObjects', { n: 1234567 }))).toBe('1\u00a0234\u00a0567 объектов');
    expect(wordRu(said('fileBackup:details.table', { name: 'people' }))).toBe('таблица people');
  });

  it('picks the plural form i18next picks: 1, 2, 5, 21 and a fraction (the `other` form)', () => {
    const k = 'contestRules:shortfall.jurorsGen';
    const forms = ruMessages.contestRules.shortfall;
    expect(wordRu(said(k, { count: 1 }))).toBe(forms.jurorsGen_one.replace('{{count}}', '1'));
    expect(wordRu(said(k, { count: 3 }))).toBe(forms.jurorsGen_few.replace('{{count}}', '3'));
    expect(wordRu(said(k, { count: 5 }))).toBe(forms.jurorsGen_many.replace('{{count}}', '5'));
    expect(wordRu(said(k, { count: 21 }))).toBe(forms.jurorsGen_one.replace('{{count}}', '21'));
    expect(wordRu(said(k, { count: 1.5 }))).toBe(forms.jurorsGen_other.replace('{{count}}', '1,5'));
  });

  it('words a nested message first', () => {
    const text = wordRu(said('fileBackup:withDetail', { message: said('fileBackup:codes.corrupt'), detail: said('fileBackup:details.noHeader') }));
    expect(text).toBe(`${ruMessages.fileBackup.codes.corrupt} (нет заголовка)`);
  });

  it('says the key rather than crashing on a key the catalog lacks, and leaves unknown placeholders', () => {
    expect(wordRu(said('fileBackup:nope'))).toBe('fileBackup:nope');
    expect(wordRu(said('fileBackup:details.table'))).toBe('таблица {{name}}');
  });
});

describe('errors that carry a Said', () => {
  it('BackupError: a code, a Russian message for logs, the Said for screens', () => {
    const e = new BackupError('too-large', said('fileBackup:details.tooManyObjects', { n: 5000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe(`${ruMessages.fileBackup.codes['too-large']} (5\u00a0000 объектов)`);
    expect(saidOf(e)).toEqual({ key: 'fileBackup:withDetail', values: { message: { key: 'fileBackup:codes.too-large' }, detail: { key: 'fileBackup:details.tooManyObjects', values: { n: 5000 } } } });
    expect(e).toBeInstanceOf(SaidError);
  });

  it('a Said survives a structured clone (a worker reply) and is still found', () => {
    const copy = structuredClone({ message: 'x', said: said('fileBackup:codes.corrupt') });
    expect(isSaid(copy.said)).toBe(true);
    expect(saidOf(copy)).toEqual({ key: 'fileBackup:codes.corrupt' });
    expect(saidOf(new Error('plain'))).toBeNull();
    expect(saidOf(null)).toBeNull();
  });
});
