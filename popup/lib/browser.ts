import { useEffect, useState } from 'preact/hooks';
import { auditKey } from '../../src/background/session';
import type { Audit, MessageOf, MessageType, Response } from '../../src/contract';
import {
  DEFAULT_SETTINGS,
  normalizeSettings,
  readSettings,
  SETTINGS_KEY,
  type Settings,
  writeSettings,
} from '../../src/settings';
import { browser, type Storage } from '../../src/lib/browser-api';

/**
 * Where the background records a failed database write (src/background/audits.ts LAST_ERROR_KEY).
 * Repeated, not imported: that module would pull the worker's badge code into the popup bundle.
 */
export const LAST_ERROR_KEY_POPUP = 'lastError';

export interface TabInfo {
  id: number | null;
  url?: string;
}

/**
 * The tab this popup is about: `?tab=<id>` when opened by URL (tests, the options page), else the
 * active tab of the current window (a toolbar click).
 */
export async function currentTab(search = location.search): Promise<TabInfo> {
  const param = new URLSearchParams(search).get('tab');
  const id = param !== null && /^\d+$/.test(param) ? Number(param) : null;
  try {
    if (id !== null) {
      const tab = await browser.tabs.get(id);
      return { id, url: tab.url };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return { id: tab?.id ?? null, url: tab?.url };
  } catch {
    return { id };
  }
}

/** Latest audit of a tab; `undefined` while loading, `null` when there is none yet. Follows updates. */
export function useTabAudit(tabId: number | null): Audit | null | undefined {
  const [audit, setAudit] = useState<Audit | null | undefined>(undefined);
  useEffect(() => {
    if (tabId === null) {
      setAudit(null);
      return;
    }
    const key = auditKey(tabId);
    let live = true;
    browser.storage.session
      .get(key)
      .then((got) => live && setAudit((got[key] as Audit | undefined) ?? null))
      .catch(() => live && setAudit(null));
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'session' && key in changes) setAudit((changes[key].newValue as Audit | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return audit;
}

/** Settings, live: a change made in the options page shows in an open popup at once, and back. */
export function useSettings(): [Settings, (patch: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    readSettings().then(setSettings, () => undefined);
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) setSettings(normalizeSettings(changes[SETTINGS_KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const update = async (patch: Partial<Settings>) => {
    setSettings(await writeSettings(patch));
  };
  return [settings, update];
}

export interface StoredError {
  code: string;
  message: string;
  time: number;
}

/** The background's last failed database write (quota, …), until the user dismisses it. */
export function useLastError(): [StoredError | null, () => void] {
  const [error, setError] = useState<StoredError | null>(null);
  useEffect(() => {
    const read = (v: unknown) => {
      const e = v as Partial<StoredError> | undefined;
      setError(
        e && typeof e === 'object'
          ? { code: String(e.code ?? ''), message: String(e.message ?? ''), time: Number(e.time ?? 0) }
          : null,
      );
    };
    browser.storage.local.get(LAST_ERROR_KEY_POPUP).then(
      (got) => read(got[LAST_ERROR_KEY_POPUP]),
      () => undefined,
    );
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'local' && LAST_ERROR_KEY_POPUP in changes) read(changes[LAST_ERROR_KEY_POPUP].newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const dismiss = () => {
    setError(null);
    browser.storage.local.remove(LAST_ERROR_KEY_POPUP).catch(() => undefined);
  };
  return [error, dismiss];
}

/** Ask the background (popup and options page); no answer (worker restarting, message refused) is undefined. */
export async function askBackground<T extends MessageType>(msg: MessageOf<T>): Promise<Response<T>> {
  try {
    return (await browser.runtime.sendMessage(msg)) as Response<T>;
  } catch {
    return undefined;
  }
}
