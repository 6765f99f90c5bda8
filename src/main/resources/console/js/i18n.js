// Danish by default, English on request; dates in Europe/Copenhagen, numbers as da-DK.
import {da} from './texts-da.js';
import {en} from './texts-en.js';

const STORAGE_KEY = 'mitforlob.console.language';
const ZONE = 'Europe/Copenhagen';
const texts = {da, en};
let language = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da';

export function lang() {
  return language;
}

export function setLang(value) {
  language = value === 'en' ? 'en' : 'da';
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** The text for key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = texts[language][key] ?? texts.da[key];
  if (text === undefined) {
    throw new Error(`No text for ${key}`);
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** A label from a code list (e.g. 'inputType.hours-registered'), or the code itself when unknown. */
export function label(list, code) {
  const key = `${list}.${code}`;
  return texts[language][key] ?? texts.da[key] ?? code;
}

function locale() {
  return language === 'en' ? 'en-GB' : 'da-DK';
}

/** A calendar day ('2026-11-28'), shown as it is: it already is a Copenhagen day. */
export function formatDay(isoDay) {
  if (!isoDay) return '';
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'})
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant, shown as Copenhagen wall-clock time. */
export function formatInstant(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: ZONE,
  }).format(new Date(iso));
}

/** A month ('2026-11'). */
export function formatMonth(isoMonth) {
  const [y, m] = isoMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), {month: 'long', year: 'numeric', timeZone: 'UTC'})
    .format(new Date(Date.UTC(y, m - 1, 1)));
}

export function formatNumber(value, maxFractionDigits = 2) {
  return new Intl.NumberFormat('da-DK', {maximumFractionDigits: maxFractionDigits}).format(value);
}

export function formatPercent(share) {
  return new Intl.NumberFormat('da-DK', {style: 'percent', maximumFractionDigits: 1}).format(share);
}

/** Today's date in Copenhagen as 'YYYY-MM-DD'. */
export function todayInCopenhagen() {
  return new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
    .format(new Date());
}
