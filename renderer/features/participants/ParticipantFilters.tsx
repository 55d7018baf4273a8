import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, registrationStatuses, roles } from '../../../shared/domain/types';
import { isFiltered, noFilters, NONE, type Filters } from './table-model';

/** The filter bar: a text filter (focus it with «/») and one select per attribute. */
export const ParticipantFilters = forwardRef<HTMLInputElement, { filters: Filters; onChange: (f: Filters) => void; municipalities: Array<{ id: string; name: string }> }>(
  function ParticipantFilters({ filters, onChange, municipalities }, searchRef) {
    const { t } = useTranslation('participants');
    const set = <K extends keyof Filters>(key: K) => (e: { target: { value: string } }) => onChange({ ...filters, [key]: e.target.value as Filters[K] });
    return (
      <div className="participant-filters" role="search" aria-label={t('filters.label')}>
        <label className="filter-text">
          <span className="visually-hidden">{t('filters.search')}</span>
          <input ref={searchRef} type="search" value={filters.text} onChange={set('text')} placeholder={t('filters.searchPlaceholder')} />
        </label>
        <select value={filters.municipalityId} onChange={set('municipalityId')} aria-label={t('app:participants.municipality')}>
            <option value="">{t('filters.allMunicipalities')}</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
            <option value={NONE}>{t('filters.noMunicipality')}</option>
          </select>
        <select value={filters.category} onChange={set('category')} aria-label={t('filters.category')}>
          <option value="">{t('filters.allCategories')}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {t(`app:category.${c}`)}
            </option>
          ))}
        </select>
        <select value={filters.role} onChange={set('role')} aria-label={t('app:participants.role')}>
          <option value="">{t('filters.allRoles')}</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`app:role.${r}`)}
            </option>
          ))}
        </select>
        <select value={filters.status} onChange={set('status')} aria-label={t('filters.status')}>
          <option value="">{t('filters.anyStatus')}</option>
          {registrationStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select value={filters.arrived} onChange={set('arrived')} aria-label={t('filters.arrival')}>
          <option value="">{t('filters.arrivedOrNot')}</option>
          <option value="yes">{t('filters.arrived')}</option>
          <option value="no">{t('filters.notArrived')}</option>
        </select>
        {isFiltered(filters) && (
          <button type="button" className="link" onClick={() => onChange(noFilters)}>
            {t('filters.reset')}
          </button>
        )}
      </div>
    );
  },
);
