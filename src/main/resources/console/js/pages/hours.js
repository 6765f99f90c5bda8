// Paid hours for the caseworker: the weekly totals as a bar chart (and as a table), and every
// registration with each of its revisions and what a correction changed.
import {alertBox, h} from '../dom.js';
import {formatDay, formatInstant, formatNumber, label, t} from '../i18n.js';
import {barChart, weekRange} from '../charts.js';

/** hours: the first page of the caseworker's hours route; more(cursor) fetches the next one. */
export function hoursSection(hours, more) {
  const summary = hours.summary;
  const byWeek = new Map(summary.weeks.map((week) => [week.period, week.hours]));
  const weeks = weekRange(summary.weeks.map((week) => week.period));
  const values = weeks.map((week) => byWeek.get(week) ?? 0);
  const canvas = h('canvas', {id: 'hours-chart', role: 'img',
    'aria-label': t('hours.chartLabel', {total: formatNumber(summary.totalHours), weeks: weeks.length})});
  const element = h('section', {id: 'section-hours', tabindex: '-1', 'aria-labelledby': 'hours-heading'},
    h('h2', {id: 'hours-heading'}, t('hours.title')),
    h('p', {id: 'hours-total'}, t('hours.total', {
      hours: formatNumber(summary.totalHours), from: formatDay(summary.from), to: formatDay(summary.to)})),
    weeks.length === 0 ? h('p', {}, t('hours.none')) : [
      h('h3', {}, t('hours.perWeek')),
      h('div', {class: 'chart-box'}, canvas),
      h('details', {class: 'details'},
        h('summary', {class: 'details-summary'}, t('hours.asTable')),
        h('div', {class: 'details-text'}, table(
          [t('hours.week'), t('hours.hours')],
          weeks.map((week, i) => [week, formatNumber(values[i])]), [false, true]))),
    ],
    h('h3', {}, t('hours.registrations')),
    hours.items.length === 0 ? h('p', {}, t('hours.noRegistrations')) : registrations(hours.items),
    hours.nextCursor ? moreButton(hours.nextCursor, more) : null);
  return {
    element,
    drawChart() {
      if (weeks.length === 0) return;
      barChart(canvas, {
        labels: weeks.map((week) => week.replace(/^\d{4}-W/, t('hours.weekShort'))),
        values,
        seriesLabel: t('hours.hours'),
        describe: (value) => t('hours.value', {hours: formatNumber(value)}),
      });
    },
  };
}

function registrations(items) {
  return h('div', {class: 'table--responsive-scroll', tabindex: '0', role: 'region',
    'aria-label': t('hours.registrations')},
  h('table', {class: 'table table--compact', id: 'registrations'},
    h('thead', {}, h('tr', {},
      [t('hours.date'), t('hours.employer'), t('hours.hours'), t('hours.status'), t('hours.history')]
        .map((text) => h('th', {scope: 'col'}, text)))),
    h('tbody', {}, items.map(row))));
}

function row(item) {
  return h('tr', {},
    h('td', {}, formatDay(item.date)),
    h('td', {}, item.employer.name),
    h('td', {class: 'numeric'}, item.status === 'withdrawn' ? h('del', {}, formatNumber(item.hours)) : formatNumber(item.hours)),
    h('td', {}, label('registrationStatus', item.status)),
    h('td', {}, revisions(item)));
}

function moreButton(cursor, more) {
  const button = h('button', {type: 'button', class: 'button button-secondary', id: 'more-registrations'},
    t('hours.more'));
  let next = cursor;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const page = await more(next);
      document.querySelector('#registrations tbody').append(...page.items.map(row));
      next = page.nextCursor;
    } catch (error) {
      button.after(alertBox('error', null, error.message));
    }
    button.disabled = false;
    button.hidden = !next;
  });
  return h('p', {}, button);
}

function revisions(item) {
  const list = item.revisions ?? [];
  if (list.length <= 1) {
    return t('hours.noRevisions');
  }
  return h('details', {},
    h('summary', {}, t('hours.revisions', {count: list.length})),
    h('ol', {}, list.map((revision) => h('li', {},
      t('hours.revisionLine', {kind: label('revisionKind', revision.kind), when: formatInstant(revision.at),
        date: formatDay(revision.date), hours: formatNumber(revision.hours), employer: revision.employer.name}),
      revision.changes.length ? h('ul', {}, revision.changes.map((change) => h('li', {},
        label('field', change.field), ': ', show(change.field, change.from), ' → ', show(change.field, change.to)))) : null,
      revision.reason ? h('p', {}, t('hours.reason', {reason: revision.reason})) : null))));
}

function show(field, value) {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'number') return formatNumber(value);
  if (field === 'date') return formatDay(value);
  return value;
}

export function table(headings, rows, numeric = []) {
  return h('table', {class: 'table table--compact'},
    h('thead', {}, h('tr', {}, headings.map((text, i) => h('th', {scope: 'col', class: numeric[i] ? 'numeric' : null},
      text)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => h('td', {class: numeric[i] ? 'numeric' : null},
      cell))))));
}
