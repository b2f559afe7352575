import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { openDb } from '../src/storage/db';
import { BackupPanel } from './components/BackupPanel';
import { ConfirmButton } from './components/ConfirmButton';
import { RetentionField } from './components/RetentionField';
import { deleteEverything } from './lib/history';
import { SettingsView } from './views/SettingsView';
import './style.css';
import { browser } from '../src/lib/browser-api';

document.documentElement.lang = browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
document.title = t('options_page_title');

function Options() {
  const db = useMemo(() => openDb(), []);
  const [cleared, setCleared] = useState(false);
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
        <div class="actions">
          <ConfirmButton
            label={t('history_delete_all')}
            confirmLabel={t('history_delete_all_confirm')}
            testid="delete-all"
            onConfirm={() => deleteEverything(db).then(() => setCleared(true))}
          />
          {cleared && <span role="status">{t('options_cleared')}</span>}
        </div>
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
