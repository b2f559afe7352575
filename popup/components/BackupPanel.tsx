import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { exportBackup, type ImportReport, importBackup } from '../../src/export/backup';
import { writeSettings } from '../../src/settings';
import type { HowSocialDb } from '../../src/storage/db';
import { useSettings } from '../lib/browser';

/**
 * JSON backup of the whole history and the settings, and import that merges the history, takes
 * the backup's settings and says what it skipped.
 */
export function BackupPanel({ db, onImported }: { db: HowSocialDb; onImported?: () => void }) {
  const [settings] = useSettings();
  const [link, setLink] = useState<{ url: string; audits: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState('');
  useEffect(() => () => link && URL.revokeObjectURL(link.url), [link]);

  const backup = async () => {
    setBusy(true);
    setError('');
    try {
      const { blob, audits } = await exportBackup(db, { settings });
      setLink({ url: URL.createObjectURL(blob), audits });
    } catch {
      setError(t('export_failed'));
    } finally {
      setBusy(false);
    }
  };
  const restore = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setReport(null);
    setError('');
    try {
      const imported = await importBackup(db, await file.text());
      if (imported.settings) await writeSettings(imported.settings);
      setReport(imported);
      onImported?.();
    } catch (err) {
      const code = err instanceof Error ? err.message : '';
      setError(
        t(
          code === 'not-json' || code === 'not-a-backup' || code === 'newer-version'
            ? `export_import_${code.replace(/-/g, '_')}`
            : 'export_import_failed',
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="backup" aria-labelledby="backup-title">
      <h3 id="backup-title">{t('export_backup_title')}</h3>
      <p class="help">{t('export_backup_help')}</p>
      <div class="actions">
        <button type="button" onClick={backup} disabled={busy} data-testid="backup-export">
          {t('export_backup')}
        </button>
        <label class="button">
          {t('export_import')}
          <input
            type="file"
            accept="application/json,.json"
            class="sr-only"
            disabled={busy}
            onChange={(e) => restore(e.currentTarget.files?.[0])}
            data-testid="backup-import"
          />
        </label>
      </div>
      {link && (
        <p role="status">
          <a
            href={link.url}
            download={`howsocial-backup-${new Date().toISOString().slice(0, 10)}.json`}
            data-export-url={link.url}
          >
            {t('export_backup_download', [link.audits])}
          </a>
        </p>
      )}
      {report && (
        <div role="status" data-testid="import-report">
          <p>
            {/* one message per count, so each gets its own plural form */}
            {t('export_import_imported', [report.imported])} {t('export_import_duplicates', [report.duplicates])}{' '}
            {t('export_import_skipped', [report.skipped.length])}
          </p>
          {report.settings && <p data-testid="import-settings">{t('export_import_settings')}</p>}
          {report.skipped.length > 0 && (
            <ul class="skipped">
              {report.skipped.slice(0, 20).map((s) => (
                <li key={`${s.index}-${s.reason}`}>{t('export_import_skipped_item', [s.index, s.reason])}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
