/**
 * Why an application is short of reviews, in words an organizer can act on. The assignment is a
 * maximum flow, so an application is short only for two reasons: too few independent jurors in its
 * nomination (few jurors or conflicts), or every independent juror not yet on it is at their cap.
 */
import { said, worded, type Said, type SaidValue } from '../text/said';

const SAY = 'contestRules:shortfall';
/** «1 эксперта», «5 экспертов» (the genitive after «не хватает», «из»), «2 независимых экспертов», «3 эксперта» (nominative). */
const jurors = (count: number, form: 'jurorsGen' | 'independentGen' | 'jurorsNom' = 'jurorsGen'): Said => said(`${SAY}.${form}`, { count });

export type ShortfallReason = 'too-few-jurors' | 'conflicts' | 'capacity';

export type Shortfall = {
  applicationId: string;
  nominationId: string;
  /** Reviews still lacking after the assignment. */
  missing: number;
  reason: ShortfallReason;
  /** For the screen; `message` is the same in Russian. */
  said: Said;
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

function names(list: readonly string[]): SaidValue {
  const shown = list.slice(0, NAMES_SHOWN).join(', ');
  return list.length > NAMES_SHOWN ? said(`${SAY}.namesMore`, { names: shown, n: list.length - NAMES_SHOWN }) : shown;
}

export function explainShortfall(f: ShortfallFacts): Shortfall {
  const { application: app, missing } = f;
  const independent = f.jurorsInNomination - f.conflicted;
  const caps = (n: number) => said(`${SAY}.caps`, { jurors: jurors(n), names: names(f.fullJurors) });
  const explained = (reason: ShortfallReason, key: string, values: Record<string, SaidValue>): Shortfall => {
    return { applicationId: app.id, nominationId: app.nominationId, missing, reason, ...worded(said(`${SAY}.${key}`, { title: app.title, ...values })) };
  };

  if (independent < f.minReviews) {
    // what the lack of independent jurors explains; the rest (if any) is caps
    const structural = f.minReviews - independent;
    const extra = missing - structural;
    const tail = extra > 0 && f.fullJurors.length > 0 ? said(`${SAY}.alsoCaps`, { caps: caps(f.fullJurors.length) }) : '';
    if (f.conflicted > 0) {
      return explained('conflicts', 'conflicts', {
        missing: jurors(missing, 'independentGen'),
        conflicted: f.conflicted,
        all: jurors(f.jurorsInNomination),
        nomination: f.nominationTitle,
        tail,
      });
    }
    const have = f.jurorsInNomination === 0 ? said(`${SAY}.noJurors`) : said(`${SAY}.onlyJurors`, { jurors: jurors(f.jurorsInNomination, 'jurorsNom') });
    return explained('too-few-jurors', 'tooFew', { missing: jurors(missing), nomination: f.nominationTitle, have, need: f.minReviews, tail });
  }
  return explained('capacity', 'capacity', { missing: jurors(missing), caps: caps(f.fullJurors.length) });
}
