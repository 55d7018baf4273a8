import { useTranslation } from 'react-i18next';

/** An area that a later issue fills in. */
export function Placeholder({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{title}</h1>
      <div className="placeholder">
        <p className="placeholder-title">{t('common.inProgress')}</p>
        <p>{t('common.inProgressHint')}</p>
      </div>
    </section>
  );
}
