import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import { t } from '../src/i18n';
import { openDb } from '../src/storage/db';
import { BackupPanel } from './components/BackupPanel';
import { RetentionField } from './components/RetentionField';
import { SettingsView } from './views/SettingsView';
import './style.css';

document.documentElement.lang = chrome.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
document.title = t('options_page_title');

function Options() {
  const db = useMemo(() => openDb(), []);
  return (
    <main class="options">
      <header class="top">
        <img src="/icons/icon-48.png" alt="" width="32" height="32" />
        <h1>{t('options_page_title')}</h1>
      </header>
      <SettingsView full />
      <section aria-labelledby="data-title">
        <h2 id="data-title" class="section-title">
          {t('options_data')}
        </h2>
        <RetentionField />
        <BackupPanel db={db} />
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
