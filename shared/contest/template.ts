/**
 * A ready-made contest in the style of Russian grant contests (the Presidential Grants Fund and the
 * regional contests modelled on it): ten criteria, each an integer 0–10 with a coefficient of 1 or
 * 0.5, a description of every score band, at least two independent experts per application, a written
 * justification, total = Σ score × coefficient (0…80 here). The wording is ours, written for the
 * organizer to adjust; it is not a copy of any fund's regulations.
 */
import type { Contest, CriterionDef, Nomination, ScoreBand, TieBreak } from './types';

/** The bands every template criterion describes: poor / weak / good / excellent. */
const BAND_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0, 2],
  [3, 5],
  [6, 8],
  [9, 10],
];

function criterion(id: string, title: string, weight: number, description: string, texts: readonly [string, string, string, string]): CriterionDef {
  const bands: ScoreBand[] = BAND_RANGES.map(([from, to], i) => ({ from, to, text: texts[i]! }));
  return { id, title, description, min: 0, max: 10, weight, bands };
}

/** The ten criteria, in the order a juror fills them. Coefficient 1 for the core of the project, 0.5 for the rest. */
export const GRANT_CRITERIA: readonly CriterionDef[] = [
  criterion('relevance', 'Актуальность и социальная значимость проекта', 1, 'Насколько важна для территории и целевой группы проблема, которую решает проект, и обоснована ли она фактами и данными.', [
    'Проблема не описана или не подтверждена; значимость для целевой группы не показана.',
    'Проблема названа, но обоснована общими словами, без данных о территории и целевой группе.',
    'Актуальность обоснована, приведены данные о проблеме; отдельные положения требуют уточнения.',
    'Проблема убедительно обоснована данными; проект отвечает на реальную потребность целевой группы и территории.',
  ]),
  criterion('coherence', 'Логическая связность и реализуемость проекта', 1, 'Согласованы ли цель, задачи, календарный план и ресурсы; можно ли выполнить проект в заявленные сроки.', [
    'Цель, задачи и мероприятия не связаны между собой; реализовать проект в описанном виде невозможно.',
    'Связь цели, задач и мероприятий прослеживается частично; календарный план неполон или нереалистичен.',
    'Проект логичен и реализуем; есть отдельные недочёты в плане или сроках.',
    'Все элементы проекта согласованы, план детален и выполним в заявленные сроки.',
  ]),
  criterion('activities', 'Соответствие мероприятий целям и задачам', 1, 'Ведут ли запланированные мероприятия к заявленным результатам; измеримы и достижимы ли результаты.', [
    'Мероприятия не ведут к заявленной цели; результаты не указаны или неизмеримы.',
    'Часть мероприятий не связана с задачами; результаты описаны нечётко.',
    'Мероприятия в основном соответствуют задачам, результаты измеримы.',
    'Каждое мероприятие ведёт к конкретной задаче; результаты измеримы и достижимы.',
  ]),
  criterion('innovation', 'Инновационность, уникальность проекта', 0.5, 'Предлагает ли проект новые для территории подходы, которые можно перенести в другие места.', [
    'Проект повторяет уже существующие на территории практики без новых решений.',
    'Новизна незначительна или не обоснована.',
    'Проект предлагает новые для территории подходы или решения.',
    'Проект уникален: новые подходы, которые можно тиражировать на другие территории.',
  ]),
  criterion('cost-efficiency', 'Соотношение планируемых расходов и ожидаемых результатов', 1, 'Соразмерны ли расходы результатам, которые получат благополучатели.', [
    'Расходы несоразмерны результатам либо результаты не определены.',
    'Соотношение расходов и результатов вызывает серьёзные сомнения.',
    'Расходы в целом соразмерны ожидаемым результатам.',
    'Значительные результаты при разумных расходах; соотношение хорошо обосновано.',
  ]),
  criterion('budget', 'Реалистичность бюджета и обоснованность расходов', 1, 'Реалистичны ли статьи бюджета, необходимы ли они для проекта, подтверждены ли расчётами.', [
    'Бюджет не обоснован или содержит расходы, не связанные с проектом.',
    'Часть расходов не обоснована или завышена; есть ошибки в расчётах.',
    'Бюджет реалистичен; отдельные статьи требуют пояснения.',
    'Все расходы обоснованы, реалистичны и необходимы для проекта.',
  ]),
  criterion('scale', 'Масштаб реализации проекта', 0.5, 'Территория и число благополучателей, которых охватит проект, и обоснованность этого охвата.', [
    'Охват минимален; территория и число благополучателей не указаны.',
    'Проект охватывает небольшую группу в одном населённом пункте.',
    'Проект охватывает муниципальный район (городской округ) или несколько населённых пунктов.',
    'Проект охватывает несколько муниципалитетов или весь регион; охват обоснован.',
  ]),
  criterion('own-contribution', 'Собственный вклад и дополнительные ресурсы', 0.5, 'Вклад организации и партнёров (деньги, помещения, добровольцы) и перспективы проекта после окончания финансирования.', [
    'Собственного вклада и партнёров нет; продолжение после гранта не предусмотрено.',
    'Вклад незначителен или не подтверждён.',
    'Есть подтверждённый вклад организации и партнёров.',
    'Значительный подтверждённый вклад; понятно, как проект продолжится после гранта.',
  ]),
  criterion('team', 'Опыт и компетенции команды проекта', 1, 'Есть ли у команды опыт подобных проектов и закрыты ли ключевые роли.', [
    'Команда не описана или её опыт не связан с проектом.',
    'Опыт команды ограничен, ключевые роли не закрыты.',
    'Команда имеет релевантный опыт, роли распределены.',
    'Команда с подтверждённым успешным опытом подобных проектов; все ключевые роли закрыты.',
  ]),
  criterion('openness', 'Информационная открытость', 0.5, 'Публикует ли организация сведения о своей работе и как проект будет освещаться.', [
    'Сведения о деятельности организации и проекте не публикуются.',
    'Информация публикуется нерегулярно; освещение проекта не спланировано.',
    'Организация регулярно публикует отчёты и новости; план освещения есть.',
    'Деятельность полностью открыта (отчёты, сайт, соцсети, СМИ); продуманный план информирования.',
  ]),
];

/** Higher median, then more maximum marks, then earlier submission; what is still tied shares the place. */
export const GRANT_TIE_BREAKS: readonly TieBreak[] = ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'];

export const GRANT_MIN_REVIEWS = 2;

export type GrantTemplateOptions = {
  contestId: string;
  eventId: string;
  title?: string;
  /** Nominations to create, each with the full form; default one «Основная номинация» with id `${contestId}:main`. */
  nominations?: ReadonlyArray<{ id: string; title: string }>;
};

/** A new contest in `setup` with the grant form in every nomination. Ids come from the caller (this file stays pure). */
export function grantContestTemplate(opts: GrantTemplateOptions): { contest: Contest; nominations: Nomination[] } {
  const contest: Contest = {
    id: opts.contestId,
    eventId: opts.eventId,
    title: opts.title ?? 'Конкурс социальных проектов',
    status: 'setup',
    minReviews: GRANT_MIN_REVIEWS,
    method: 'mean',
    tieBreaks: [...GRANT_TIE_BREAKS],
  };
  const list = opts.nominations ?? [{ id: `${opts.contestId}:main`, title: 'Основная номинация' }];
  const nominations = list.map(
    (n): Nomination => ({
      id: n.id,
      contestId: opts.contestId,
      title: n.title,
      // deep copies: editing one nomination's form must not change the template or another nomination
      criteria: GRANT_CRITERIA.map((c) => ({ ...c, bands: c.bands.map((b) => ({ ...b })) })),
      commentRequired: true,
    }),
  );
  return { contest, nominations };
}
