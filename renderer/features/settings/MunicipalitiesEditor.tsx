import { useState, type FormEvent } from 'react';
import { addMunicipality } from '../../db/repo/reference';
import { useDb } from '../../hooks/db-context';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { countRu } from '../../../shared/text/plural';

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
        Встроены {all ? countRu(all.length - others.length, ['муниципальное образование', 'муниципальных образования', 'муниципальных образований']) : '…'}{' '}
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
        <label className="field">
          <span>Муниципалитет</span>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="г. Кирово-Чепецк" />
        </label>
        <label className="field">
          <span>Регион</span>
          <input value={form.region} onChange={(e) => setForm({ ...form, region: e.target.value })} placeholder="Кировская область" />
        </label>
        <label className="field">
          <span>Федеральный округ</span>
          <select value={form.federalDistrict} onChange={(e) => setForm({ ...form, federalDistrict: e.target.value })}>
            {federalDistricts.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
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
