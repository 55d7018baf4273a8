/** One full stop at the end of a sentence that ends with typed text (shared/text/sentence.ts). */
import { describe, expect, it } from 'vitest';
import { endSentence, quotedSentenceEnd } from '../../../../shared/text/sentence';

describe('a sentence ending with a reason', () => {
  it('moves the quoted sentence’s stop outside the quotes, never «….».', () => {
    expect(quotedSentenceEnd('Не приложена смета.')).toBe('«Не приложена смета».');
    expect(quotedSentenceEnd('Не приложена смета')).toBe('«Не приложена смета».');
    expect(quotedSentenceEnd('Почему 2 балла?')).toBe('«Почему 2 балла?»');
    expect(quotedSentenceEnd('Проверьте бюджет…')).toBe('«Проверьте бюджет…»');
  });

  it('adds a stop only where the text has none', () => {
    expect(endSentence('Оценки исключены: конфликт интересов')).toBe('Оценки исключены: конфликт интересов.');
    expect(endSentence('Оценки исключены: конфликт интересов.')).toBe('Оценки исключены: конфликт интересов.');
    expect(endSentence('Причина: «смета».')).toBe('Причина: «смета».');
    expect(endSentence('Причина: «смета»')).toBe('Причина: «смета».');
  });
});
