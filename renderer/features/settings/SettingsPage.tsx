import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { useChangeCount } from '../../hooks/use-change-count';
import { languages, type Language } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { SelectField } from '../../components/ui';
import { AuditLogView } from '../audit';
import { DeviceSettings } from './DeviceSettings';
import { BackupSection } from '../backup';
import { MunicipalitiesEditor } from './MunicipalitiesEditor';
import './settings.css';

type Tab = 'general' | 'audit';

export function SettingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('general');
  return (
    <section className={`page${tab === 'audit' ? ' page-settings-audit' : ''}`}>
      <h1>{t('settings.heading')}</h1>
      <div role="tablist" aria-label={t('settings.tabs')} className="settings-tabs">
        {(['general', 'audit'] as const).map((value) => (
          <button key={value} type="button" role="tab" id={`settings-tab-${value}`} aria-selected={tab === value} aria-controls={`settings-panel-${value}`} onClick={() => setTab(value)}>
            {t(value === 'general' ? 'settings.tabGeneral' : 'settings.tabAudit')}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`settings-panel-${tab}`} aria-labelledby={`settings-tab-${tab}`} className={`settings-panel-${tab}`}>
        {tab === 'general' ? <GeneralSettings /> : <AuditLogView />}
      </div>
    </section>
  );
}

function GeneralSettings() {
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
    <>
      <SelectField
        className="narrow"
        label={t('settings.language')}
        value={language}
        onChange={(next: Language) => {
          setLanguage(next);
          void i18n.changeLanguage(next);
        }}
        // each language's name in that language, read and kept as it is
        options={languages.map((l) => [l, t(`languageName.${l}`), { lang: l, translate: 'no' }] as const)}
      />
      <DeviceSettings />
      <dl className="facts">
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
      <BackupSection />
    </>
  );
}
