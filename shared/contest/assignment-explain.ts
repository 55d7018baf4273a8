/**
 * Why an application is short of reviews, in words an organizer can act on. The assignment is a
 * maximum flow, so an application is short only for two reasons: too few independent jurors in its
 * nomination (few jurors or conflicts), or every independent juror not yet on it is at their cap.
 */
import { formatCount, pluralForm } from '../text/format';

/** «1 эксперта», «5 экспертов» (the genitive after «не хватает», «из»); with an adjective: «2 независимых экспертов». */
const expertsGen = (n: number, adjective = ''): string =>
  adjective === ''
    ? formatCount(n, ['эксперта', 'экспертов', 'экспертов'])
    : `${formatCount(n, [`${adjective}ого`, `${adjective}ых`, `${adjective}ых`])} ${pluralForm(n, ['эксперта', 'экспертов', 'экспертов'])}`;

/** «1 эксперт», «3 эксперта», «5 экспертов». */
const expertsNom = (n: number): string => formatCount(n, ['эксперт', 'эксперта', 'экспертов']);

export type ShortfallReason = 'too-few-jurors' | 'conflicts' | 'capacity';

export type Shortfall = {
  applicationId: string;
  nominationId: string;
  /** Reviews still lacking after the assignment. */
  missing: number;
  reason: ShortfallReason;
  message: string;
};

export type ShortfallFacts = {
  application: { id: string; title: string; nominationId: string };
  nominationTitle: string;
  minReviews: number;
  missing: number;
  jurorsInNomination: number;
  /** jurors of the nomination with a blocking conflict on this application */
  conflicted: number;
  /** independent jurors of the nomination who are not on this application: all at their cap */
  fullJurors: string[];
};

const NAMES_SHOWN = 5;

function names(list: readonly string[]): string {
  const shown = list.slice(0, NAMES_SHOWN).join(', ');
  return list.length > NAMES_SHOWN ? `${shown} и ещё ${list.length - NAMES_SHOWN}` : shown;
}

export function explainShortfall(f: ShortfallFacts): Shortfall {
  const { application: app, missing } = f;
  const independent = f.jurorsInNomination - f.conflicted;
  const head = `Заявка «${app.title}»`;
  const capTail = (n: number) =>
    `у ${expertsGen(n)} исчерпан лимит нагрузки (${names(f.fullJurors)}) — увеличьте лимит или добавьте экспертов`;
  const base = { applicationId: app.id, nominationId: app.nominationId, missing };

  if (independent < f.minReviews) {
    // what the lack of independent jurors explains; the rest (if any) is caps
    const structural = f.minReviews - independent;
    const extra = missing - structural;
    const tail = extra > 0 && f.fullJurors.length > 0 ? `; кроме того, ${capTail(f.fullJurors.length)}` : '';
    if (f.conflicted > 0) {
      return {
        ...base,
        reason: 'conflicts',
        message:
          `${head}: не хватает ${expertsGen(missing, 'независим')} — ${f.conflicted} из ${expertsGen(f.jurorsInNomination)} номинации ` +
          `в конфликте интересов. Добавьте экспертов в номинацию «${f.nominationTitle}» или снимите конфликт с обоснованием${tail}.`,
      };
    }
    const have = f.jurorsInNomination === 0 ? 'нет ни одного эксперта' : `всего ${expertsNom(f.jurorsInNomination)}`;
    return {
      ...base,
      reason: 'too-few-jurors',
      message: `${head}: не хватает ${expertsGen(missing)} — в номинации «${f.nominationTitle}» ${have}, а нужно ${f.minReviews}${tail}.`,
    };
  }
  return {
    ...base,
    reason: 'capacity',
    message: `${head}: не хватает ${expertsGen(missing)} — ${capTail(f.fullJurors.length)}.`,
  };
}
