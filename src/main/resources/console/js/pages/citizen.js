// One citizen, for a caseworker of their municipality: the plan and the citizen's contributions to
// it, paid hours with every revision and a weekly chart, and interests and wishes with their
// history. Every figure comes from the audited caseworker routes.
import {alertBox, h, replace} from '../dom.js';
import {t} from '../i18n.js';
import {api} from '../api.js';
import {problemText} from './problems.js';
import {planSection} from './plan.js';
import {hoursSection} from './hours.js';
import {wishesSection} from './wishes.js';

let occupations = null;

export async function citizenPage(main, ctx) {
  const code = ctx.me.municipalities[0];
  const citizenId = ctx.params[0];
  const base = `/api/v1/municipalities/${code}/citizens/${encodeURIComponent(citizenId)}`;
  replace(main, h('h1', {tabindex: '-1'}, t('citizen.title')), h('p', {}, t('loading')));

  let plan;
  let hours;
  let wishes;
  let latest;
  try {
    // the citizen's newest inbox item tells their name; there is no caseworker route for one profile
    [plan, hours, wishes, latest] = await Promise.all([
      api.get(`${base}/plan`),
      api.get(`${base}/hours`, {limit: 50}),
      api.get(`${base}/wishes`),
      api.get(`/api/v1/municipalities/${code}/inbox`, {citizenId, limit: 1}),
    ]);
    occupations ??= api.get('/api/v1/reference/occupations').then((list) => list.items);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    replace(main, h('h1', {tabindex: '-1'}, t('citizen.title')), alertBox('error', null, problemText(error)),
      h('p', {}, h('a', {href: '#/inbox'}, t('citizen.back'))));
    return;
  }
  const occupationList = await occupations.catch(() => []);
  if (!ctx.isCurrent()) return;
  const name = latest.items[0]?.citizenName ?? t('citizen.title');
  const hoursPart = hoursSection(hours, (cursor) => api.get(`${base}/hours`, {limit: 50, cursor}));
  const sections = [
    ['plan', t('plan.title')],
    ['hours', t('hours.title')],
    ['wishes', t('wishes.title')],
  ];
  replace(main,
    h('p', {}, h('a', {href: '#/inbox', class: 'back-link'}, t('citizen.back'))),
    h('h1', {tabindex: '-1', id: 'citizen-name'}, name),
    h('p', {}, latest.unreadCount > 0
      ? h('a', {href: `#/inbox?citizen=${encodeURIComponent(citizenId)}&unread=1`},
        t('citizen.unread', {count: latest.unreadCount}))
      : t('citizen.noUnread')),
    h('nav', {'aria-label': t('citizen.sections')},
      h('ul', {class: 'section-nav nobullet-list no-max-width'}, sections.map(([id, text]) => h('li', {},
        h('a', {href: `#/citizens/${citizenId}`, 'data-section': id, onclick: (event) => {
          event.preventDefault();
          const target = document.getElementById(`section-${id}`);
          target.scrollIntoView();
          target.focus();
        }}, text))))),
    planSection(plan),
    hoursPart.element,
    wishesSection(wishes, occupationList));
  // Chart.js sizes a chart by its container, so it is drawn once the section is on the page
  hoursPart.drawChart();
}
