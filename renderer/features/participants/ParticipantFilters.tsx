import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, registrationStatuses, roles } from '../../../shared/domain/types';
import { isFiltered, noFilters, NONE, type Filters } from './table-model';

export const STATUS_LABELS: Record<(typeof registrationStatuses)[number], string> = { invited: 'приглашён', confirmed: 'подтверждён', cancelled: 'отменён' };

/** The filter bar: a text filter (focus it with «/») and one select per attribute. */
export const ParticipantFilters = forwardRef<HTMLInputElement, { filters: Filters; onChange: (f: Filters) => void; municipalities: Array<{ id: string; name: string }> }>(
  function ParticipantFilters({ filters, onChange, municipalities }, searchRef) {
    const { t } = useTranslation();
    const set = <K extends keyof Filters>(key: K) => (e: { target: { value: string } }) => onChange({ ...filters, [key]: e.target.value as Filters[K] });
    return (
      <div className="participant-filters" role="search" aria-label="Фильтры списка">
        <label className="filter-text">
          <span className="visually-hidden">Поиск в списке</span>
          <input ref={searchRef} type="search" value={filters.text} onChange={set('text')} placeholder="ФИО, организация, бейдж, телефон…  ( / )" />
        </label>
        <select value={filters.municipalityId} onChange={set('municipalityId')} aria-label={t('participants.municipality')}>
            <option value="">Все муниципалитеты</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
            <option value={NONE}>Без муниципалитета</option>
          </select>
        <select value={filters.category} onChange={set('category')} aria-label="Категория">
          <option value="">Все категории</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
        <select value={filters.role} onChange={set('role')} aria-label={t('participants.role')}>
          <option value="">Все роли</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <select value={filters.status} onChange={set('status')} aria-label="Статус">
          <option value="">Любой статус</option>
          {registrationStatuses.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <select value={filters.arrived} onChange={set('arrived')} aria-label="Прибытие">
          <option value="">Прибыли и нет</option>
          <option value="yes">Прибыли</option>
          <option value="no">Не прибыли</option>
        </select>
        {isFiltered(filters) && (
          <button type="button" className="link" onClick={() => onChange(noFilters)}>
            Сбросить
          </button>
        )}
      </div>
    );
  },
);
