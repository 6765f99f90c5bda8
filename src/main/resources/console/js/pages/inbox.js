// The caseworker's inbox: the citizens' input in their municipality, newest first, with the unread
// count, filters by kind and citizen, paging, and marking an item read.
import {alertBox, announce, h, replace} from '../dom.js';
import {formatInstant, label, t} from '../i18n.js';
import {api} from '../api.js';
import {problemText} from './problems.js';

const PAGE_SIZE = 20;

// The API filters on one input type; the menu groups them by the kind a caseworker thinks in.
const KINDS = [
  ['kind.hours', ['hours-registered', 'hours-corrected', 'hours-withdrawn']],
  ['kind.wishes', ['wishes-changed']],
  ['kind.comments', ['activity-comment', 'meeting-comment', 'meeting-objection']],
  ['kind.steps', ['plan-step-added', 'plan-step-done']],
];

// The caseload is read once per municipality and visit of the console: every read of it is audit-logged.
const caseloads = new Map();

async function caseload(code) {
  if (!caseloads.has(code)) {
    caseloads.set(code, api.get(`/api/v1/municipalities/${code}/citizens`, {limit: 200}).then((page) => page.items));
  }
  return caseloads.get(code);
}

export async function inboxPage(main, ctx) {
  const code = ctx.me.municipalities[0];
  if (!code) {
    replace(main, h('h1', {tabindex: '-1'}, t('inbox.title')), alertBox('error', null, t('inbox.noMunicipality')));
    return;
  }
  const filters = {
    type: ctx.query.get('type') ?? '',
    citizenId: ctx.query.get('citizen') ?? '',
    unread: ctx.query.get('unread') === '1',
  };
  const cursors = [undefined];
  let pageIndex = 0;

  const count = h('p', {id: 'unread-summary', tabindex: '-1'});
  const results = h('div', {id: 'inbox-results'});
  const typeSelect = h('select', {class: 'form-select', id: 'filter-type', name: 'type'},
    h('option', {value: ''}, t('inbox.allKinds')),
    KINDS.map(([kind, types]) => h('optgroup', {label: t(kind)},
      types.map((type) => h('option', {value: type, selected: type === filters.type}, label('inputType', type))))));
  const citizenSelect = h('select', {class: 'form-select', id: 'filter-citizen', name: 'citizen'},
    h('option', {value: ''}, t('inbox.allCitizens')));
  const unreadBox = h('input', {type: 'checkbox', class: 'form-checkbox', id: 'filter-unread', checked: filters.unread});
  const form = h('form', {class: 'filters', id: 'inbox-filters'},
    h('div', {class: 'form-group'}, h('label', {class: 'form-label', for: 'filter-type'}, t('inbox.kind')), typeSelect),
    h('div', {class: 'form-group'}, h('label', {class: 'form-label', for: 'filter-citizen'}, t('inbox.citizen')),
      citizenSelect),
    h('div', {class: 'form-group form-group-checkbox'}, unreadBox,
      h('label', {for: 'filter-unread'}, t('inbox.unreadOnly'))),
    h('div', {class: 'form-group'}, h('button', {type: 'submit', class: 'button button-secondary'}, t('inbox.apply'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    if (typeSelect.value) query.set('type', typeSelect.value);
    if (citizenSelect.value) query.set('citizen', citizenSelect.value);
    if (unreadBox.checked) query.set('unread', '1');
    const hash = `#/inbox${query.size ? `?${query}` : ''}`;
    if (location.hash === hash) load(); else location.hash = hash;
  });

  replace(main,
    h('h1', {tabindex: '-1'}, t('inbox.title'), ' – ', ctx.config.municipalities?.[code] ?? code),
    count,
    form,
    results);

  try {
    const citizens = await caseload(code);
    for (const citizen of citizens) {
      citizenSelect.append(h('option', {value: citizen.citizenId, selected: citizen.citizenId === filters.citizenId},
        `${citizen.name} (${citizen.externalRef})`));
    }
  } catch (error) {
    results.before(alertBox('warning', null, problemText(error)));
  }
  await load();

  async function load() {
    replace(results, h('p', {}, t('loading')));
    let page;
    try {
      page = await api.get(`/api/v1/municipalities/${code}/inbox`, {
        type: filters.type, citizenId: filters.citizenId, unread: filters.unread ? 'true' : undefined,
        cursor: cursors[pageIndex], limit: PAGE_SIZE,
      });
    } catch (error) {
      replace(results, alertBox('error', null, problemText(error)));
      return;
    }
    if (!ctx.isCurrent()) return;
    const filtered = filters.type || filters.citizenId || filters.unread;
    replace(count, h('span', {class: 'badge badge-info', id: 'unread-count'}, String(page.unreadCount)), ' ',
      t(filtered ? 'inbox.unreadFiltered' : 'inbox.unread'));
    cursors[pageIndex + 1] = page.nextCursor;
    replace(results,
      page.items.length === 0
        ? h('p', {id: 'inbox-empty'}, t('inbox.empty'))
        : h('ul', {class: 'inbox-list nobullet-list no-max-width', id: 'inbox-list', 'aria-label': t('inbox.listLabel')},
          page.items.map((item) => inboxItem(item))),
      pager(page));
  }

  function inboxItem(item) {
    const name = item.citizenName ?? t('inbox.unknownCitizen');
    const markRead = item.read ? null : h('button', {
      type: 'button', class: 'button button-secondary mark-read',
      'aria-label': t('inbox.markReadLabel', {name, kind: label('inputType', item.type)}),
    }, t('inbox.markRead'));
    markRead?.addEventListener('click', async () => {
      markRead.disabled = true;
      try {
        await api.post(`/api/v1/municipalities/${code}/inbox/${encodeURIComponent(item.id)}/read`);
      } catch (error) {
        markRead.disabled = false;
        markRead.after(alertBox('error', null, problemText(error)));
        return;
      }
      announce(t('inbox.marked'));
      await load();
      count.focus();
    });
    return h('li', {class: item.read ? 'read' : 'unread', 'data-item-id': item.id},
      h('div', {class: 'inbox-item-head'},
        h('p', {}, h('a', {href: `#/citizens/${item.citizenId}`}, name), ' · ', h('strong', {}, label('inputType', item.type))),
        h('p', {}, h('time', {datetime: item.occurredAt}, formatInstant(item.occurredAt)))),
      h('p', {lang: 'da'}, item.summary),
      h('div', {class: 'inbox-item-actions'},
        item.read
          ? h('span', {class: 'badge badge-success'}, t('inbox.read', {when: formatInstant(item.readAt)}))
          : h('span', {class: 'badge badge-info'}, t('inbox.unreadBadge')),
        markRead));
  }

  function pager(page) {
    const previous = h('button', {type: 'button', class: 'button button-tertiary', disabled: pageIndex === 0},
      t('pager.previous'));
    const next = h('button', {type: 'button', class: 'button button-tertiary', disabled: !page.nextCursor},
      t('pager.next'));
    previous.addEventListener('click', () => { pageIndex--; load().then(() => count.focus()); });
    next.addEventListener('click', () => { pageIndex++; load().then(() => count.focus()); });
    return h('nav', {class: 'pager', 'aria-label': t('pager.label')}, previous,
      h('span', {}, t('pager.page', {number: pageIndex + 1})), next);
  }
}
