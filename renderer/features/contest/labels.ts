import type { AggregationMethod, ApplicationStatus, ConflictKind, TieBreak } from '../../../shared/contest';

export const METHOD_LABELS: Record<AggregationMethod, string> = {
  mean: 'среднее арифметическое оценок экспертов',
  median: 'медиана оценок экспертов',
  'trimmed-mean': 'усечённое среднее (без крайних оценок)',
  'z-mean': 'среднее нормированных оценок (z-оценки по эксперту)',
  borda: 'метод Борда (по местам у каждого эксперта)',
};

export const TIE_BREAK_LABELS: Record<TieBreak, string> = {
  'higher-median': 'выше медиана оценок',
  'more-max-marks': 'больше максимальных оценок',
  'earlier-submission': 'заявка подана раньше',
  'shared-place': 'делить место',
};

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: 'подана',
  admitted: 'допущена',
  rejected: 'отклонена',
  withdrawn: 'отозвана',
};

export const CONFLICT_LABELS: Record<ConflictKind, string> = {
  applicant: 'заявитель',
  organization: 'та же организация',
  municipality: 'тот же муниципалитет',
  declared: 'заявлен экспертом',
  manual: 'отмечен организатором',
};

const dateTime = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
export const formatWhen = (iso?: string) => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatRub = (n?: number) => (n === undefined ? '—' : `${new Intl.NumberFormat('ru-RU').format(n)} ₽`);
