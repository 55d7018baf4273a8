import { useState, type FormEvent } from 'react';
import { useUiStore } from '../../stores/ui-store';

/** Asked when the desk opens: every check-in records who made it. */
export function OperatorPrompt() {
  const setOperator = useUiStore((s) => s.setOperator);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Введите имя — оно попадёт в журнал отметок');
    setOperator(name);
  };
  return (
    <section className="page">
      <form className="card narrow-card" onSubmit={submit}>
        <h1>Регистрация</h1>
        <label className="field">
          <span>Кто работает за стойкой?</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Например, Гульнара Р." aria-invalid={error ? true : undefined} />
          {error && <span className="field-error">{error}</span>}
        </label>
        <button type="submit" className="primary">
          Начать регистрацию
        </button>
      </form>
    </section>
  );
}
