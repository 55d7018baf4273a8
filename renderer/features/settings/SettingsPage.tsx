import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { useChangeCount } from '../../hooks/use-change-count';
import { languages, type Language } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { MunicipalitiesEditor } from './MunicipalitiesEditor';

const languageNames: Record<Language, string> = { ru: 'Русский', en: 'English' };

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { device } = useDb();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  const changes = useChangeCount();
  const [info, setInfo] = useState<AppInfo>();
  useEffect(() => {
    void bridge.appInfo({}).then((r) => 'data' in r && setInfo(r.data));
  }, []);

  return (
    <section className="page">
      <h1>{t('settings.heading')}</h1>
      <label className="field narrow">
        <span>{t('settings.language')}</span>
        <select
          value={language}
          onChange={(e) => {
            const next = e.target.value as Language;
            setLanguage(next);
            void i18n.changeLanguage(next);
          }}
        >
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageNames[l]}
            </option>
          ))}
        </select>
      </label>
      <h2 className="subheading">{t('settings.device')}</h2>
      <dl className="facts">
        <dt>{t('settings.deviceName')}</dt>
        <dd>{device.name}</dd>
        <dt>{t('settings.deviceId')}</dt>
        <dd className="mono">{device.id}</dd>
        <dt>{t('settings.version')}</dt>
        <dd>{info?.version ?? '…'}</dd>
        <dt>{t('settings.shell')}</dt>
        <dd>{info ? (info.shell === 'electron' ? t('settings.shellElectron') : t('settings.shellBrowser')) : '…'}</dd>
        <dt>{t('settings.changes')}</dt>
        <dd>{changes ?? '…'}</dd>
      </dl>
      <MunicipalitiesEditor />
    </section>
  );
}
