/** Municipalities: the built-in ones of Bashkortostan counted, others (guests from other regions) added here. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { federalDistricts, HOME_FEDERAL_DISTRICT } from '../../../shared/domain/federal-districts';
import { SelectField, TextField } from '../../components/ui';
import { addMunicipality } from '../../db/repo/reference';
import { useDb } from '../../hooks/db-context';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { errorText } from '../../i18n';

/** The 63 municipalities of Bashkortostan are built in; guests from other regions are added here. */
export function MunicipalitiesEditor() {
  const { t } = useTranslation('settings');
  const ctx = useDb();
  const all = useMunicipalities();
  const [form, setForm] = useState<{ name: string; region: string; federalDistrict: string }>({ name: '', region: '', federalDistrict: HOME_FEDERAL_DISTRICT });
  const [error, setError] = useState('');
  const others = all?.filter((m) => !m.builtin) ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.name.trim() || !form.region.trim()) return setError(t('municipalities.required'));
    try {
      await addMunicipality(ctx, { name: form.name, kind: 'other', region: form.region.trim(), federalDistrict: form.federalDistrict });
      setForm({ ...form, name: '' });
      setError('');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="municipalities-title">
      <h2 className="subheading" id="municipalities-title">
        {t('municipalities.heading')}
      </h2>
      <p className="muted">
        {all ? t('municipalities.builtIn', { count: all.length - others.length }) : t('municipalities.loading')}
      </p>
      {others.length > 0 && (
        <ul>
          {others.map((m) => (
            <li key={m.id}>
              {m.name} — {m.region}, {m.federalDistrict}
            </li>
          ))}
        </ul>
      )}
      <form className="field-row" onSubmit={submit}>
        <TextField label={t('municipalities.name')} value={form.name} onChange={(name) => setForm({ ...form, name })} placeholder={t('municipalities.namePlaceholder')} />
        <TextField label={t('municipalities.region')} value={form.region} onChange={(region) => setForm({ ...form, region })} placeholder={t('municipalities.regionPlaceholder')} />
        <SelectField
          label={t('municipalities.federalDistrict')}
          value={form.federalDistrict}
          onChange={(federalDistrict) => setForm({ ...form, federalDistrict })}
          options={federalDistricts.map((f) => [f, f] as const)}
        />
        <button type="submit" className="add-button">
          {t('municipalities.add')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
