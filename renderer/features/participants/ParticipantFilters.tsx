import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, registrationStatuses, roles } from '../../../shared/domain/types';
import { Select, type Option } from '../../components/ui';
import { isFiltered, noFilters, NONE, type Filters } from './table-model';

/** The filter bar: a text filter (focus it with «/») and one select per attribute. */
export const ParticipantFilters = forwardRef<HTMLInputElement, { filters: Filters; onChange: (f: Filters) => void; municipalities: Array<{ id: string; name: string }> }>(
  function ParticipantFilters({ filters, onChange, municipalities }, searchRef) {
    const { t } = useTranslation('participants');
    const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => onChange({ ...filters, [key]: value });
    return (
      <div className="participant-filters" role="search" aria-label={t('filters.label')}>
        <label className="filter-text">
          <span className="visually-hidden">{t('filters.search')}</span>
          <input ref={searchRef} type="search" value={filters.text} onChange={(e) => set('text')(e.target.value)} placeholder={t('filters.searchPlaceholder')} />
        </label>
        <Select
          aria-label={t('app:participants.municipality')}
          value={filters.municipalityId}
          onChange={set('municipalityId')}
          placeholder={t('filters.allMunicipalities')}
          options={[...municipalities.map((m): Option<string> => [m.id, m.name]), [NONE, t('filters.noMunicipality')]]}
        />
        <Select aria-label={t('filters.category')} value={filters.category} onChange={set('category')} placeholder={t('filters.allCategories')} options={categories.map((c) => [c, t(`app:category.${c}`)] as const)} />
        <Select aria-label={t('app:participants.role')} value={filters.role} onChange={set('role')} placeholder={t('filters.allRoles')} options={roles.map((r) => [r, t(`app:role.${r}`)] as const)} />
        <Select aria-label={t('filters.status')} value={filters.status} onChange={set('status')} placeholder={t('filters.anyStatus')} options={registrationStatuses.map((s) => [s, t(`status.${s}`)] as const)} />
        <Select
          aria-label={t('filters.arrival')}
          value={filters.arrived}
          onChange={set('arrived')}
          placeholder={t('filters.arrivedOrNot')}
          options={[
            ['yes', t('filters.arrived')],
            ['no', t('filters.notArrived')],
          ]}
        />
        {isFiltered(filters) && (
          <button type="button" className="link" onClick={() => onChange(noFilters)}>
            {t('filters.reset')}
          </button>
        )}
      </div>
    );
  },
);
