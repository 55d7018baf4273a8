import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../components/ui';
import { addMunicipality } from '../../db/repo/reference';
import { useDb } from '../../hooks/db-context';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { formatCount } from '../../../shared/text/format';

const federalDistricts = [
  'Центральный федеральный округ',
  'Северо-Западный федеральный округ',
  'Южный федеральный округ',
  'Северо-Кавказский федеральный округ',
  'Приволжский федеральный округ',
  'Уральский федеральный округ',
  'Сибирский федеральный округ',
  'Дальневосточный федеральный округ',
];

/** The 63 municipalities of Bashkortostan are built in; guests from other regions are added here. */
export function MunicipalitiesEditor() {
  const ctx = useDb();
  const all = useMunicipalities();
  const [form, setForm] = useState({ name: '', region: '', federalDistrict: 'Приволжский федеральный округ' });
  const [error, setError] = useState('');
  const others = all?.filter((m) => !m.builtin) ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.name.trim() || !form.region.trim()) return setError('Укажите муниципалитет и регион');
    try {
      await addMunicipality(ctx, { name: form.name, kind: 'other', region: form.region.trim(), federalDistrict: form.federalDistrict });
      setForm({ ...form, name: '' });
      setError('');
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section aria-labelledby="municipalities-title">
      <h2 className="subheading" id="municipalities-title">
        Муниципалитеты
      </h2>
      <p className="muted">
        Встроены {all ? formatCount(all.length - others.length, ['муниципальное образование', 'муниципальных образования', 'муниципальных образований']) : '…'}{' '}
        Республики Башкортостан. Участников из других регионов можно отнести к
        муниципалитетам, добавленным здесь.
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
        <TextField label="Муниципалитет" value={form.name} onChange={(name) => setForm({ ...form, name })} placeholder="г. Кирово-Чепецк" />
        <TextField label="Регион" value={form.region} onChange={(region) => setForm({ ...form, region })} placeholder="Кировская область" />
        <SelectField
          label="Федеральный округ"
          value={form.federalDistrict}
          onChange={(federalDistrict) => setForm({ ...form, federalDistrict })}
          options={federalDistricts.map((f) => [f, f] as const)}
        />
        <button type="submit" className="add-button">
          Добавить
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
