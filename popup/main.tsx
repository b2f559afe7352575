import { render } from 'preact';
import { t } from '../src/i18n';
import { App } from './app';
import { currentTab } from './lib/browser';
import './style.css';
import { browser } from '../src/lib/browser-api';

// The page's language follows the browser's (chrome.i18n picks the same one for every text).
document.documentElement.lang = browser.i18n.getMessage('@@ui_locale').replace('_', '-') || 'en';
document.title = t('popup_title');

currentTab().then((tab) => render(<App tab={tab} />, document.getElementById('app')!));
