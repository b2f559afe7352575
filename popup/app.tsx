import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { siteOf } from '../src/contract/site';
import type { Audit } from '../src/contract';
import { isPaused } from '../src/settings';
import { type TabDef, Tabs } from './components/Tabs';
import { type StoredError, type TabInfo, useLastError, useSettings, useTabAudit } from './lib/browser';
import { PageView } from './views/PageView';
import { SettingsView } from './views/SettingsView';
import { WhyView } from './views/WhyView';

type View = 'page' | 'why' | 'history' | 'export' | 'settings';

/**
 * History and export need Dexie; they load on first use so the popup's first render (the page
 * view, read from storage.session) doesn't wait for the database code.
 */
function useLazy<P>(load: () => Promise<{ default: ComponentType<P> }>, active: boolean): ComponentType<P> | null {
  const [comp, setComp] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (active && !comp) load().then((m) => setComp(() => m.default));
  }, [active]);
  return comp;
}

function ErrorBanner({ error, onDismiss }: { error: StoredError; onDismiss: () => void }) {
  return (
    <div class="warning" role="alert" data-testid="last-error">
      <p>
        {t(error.code === 'QuotaExceededError' ? 'popup_error_quota' : 'popup_error_db')} <span class="code">({error.code})</span>
      </p>
      <button type="button" onClick={onDismiss} aria-label={t('popup_dismiss')}>
        ✕
      </button>
    </div>
  );
}

export function App({ tab, initialAudit }: { tab: TabInfo; initialAudit?: Audit | null }) {
  const [view, setView] = useState<View>('page');
  const live = useTabAudit(tab.id);
  const audit = live === undefined ? initialAudit : live;
  const [error, dismiss] = useLastError();
  const History = useLazy(() => import('./views/HistoryView'), view === 'history');
  const Export = useLazy(() => import('./views/ExportView'), view === 'export');
  const pageUrl = audit?.url ?? tab.url;
  const site = pageUrl && /^https?:/.test(pageUrl) ? siteOf(pageUrl) : undefined;
  const [settings] = useSettings();
  const paused = site !== undefined && isPaused(settings, site, Date.now());
  const tabs: TabDef<View>[] = [
    { id: 'page', label: t('popup_tab_page') },
    { id: 'why', label: t('popup_tab_why') },
    { id: 'history', label: t('popup_tab_history') },
    { id: 'export', label: t('popup_tab_export') },
    { id: 'settings', label: t('popup_tab_settings') },
  ];
  return (
    <div class="popup">
      <header class="top">
        <img src="/icons/icon-32.png" alt="" width="20" height="20" />
        <h1>HowSocial</h1>
      </header>
      {error && <ErrorBanner error={error} onDismiss={dismiss} />}
      <Tabs tabs={tabs} current={view} onSelect={setView} label={t('popup_views')}>
        {view === 'page' && <PageView audit={audit} tabId={tab.id} paused={paused} />}
        {view === 'why' && <WhyView audit={audit} />}
        {view === 'history' && (History ? <History /> : <p class="loading">{t('popup_loading')}</p>)}
        {view === 'export' &&
          (Export ? (
            <Export pageUrl={audit && audit.kind !== 'other' ? audit.url : undefined} site={site} />
          ) : (
            <p class="loading">{t('popup_loading')}</p>
          ))}
        {view === 'settings' && <SettingsView site={site} />}
      </Tabs>
    </div>
  );
}
