/** Asks who works at the desk: the name goes into every check-in this operator makes. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../stores/ui-store';
import { TextField } from '../../components/ui';

/** Asked when the desk opens: every check-in records who made it. */
export function OperatorPrompt() {
  const { t } = useTranslation('desk');
  const setOperator = useUiStore((s) => s.setOperator);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('operatorPrompt.required'));
    setOperator(name);
  };
  return (
    <section className="page">
      <form className="card narrow-card" onSubmit={submit}>
        <h1>{t('heading')}</h1>
        <TextField label={t('operatorPrompt.who')} autoFocus value={name} onChange={setName} placeholder={t('operatorPrompt.placeholder')} error={error || undefined} />
        <button type="submit" className="primary">
          {t('operatorPrompt.start')}
        </button>
      </form>
    </section>
  );
}
