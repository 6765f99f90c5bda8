// The evaluator's programme outcome: the share of citizens with paid hours, per month, per
// municipality and per programme, as charts and tables. A figure the API hides (it rests on, or
// would reveal, fewer than five citizens) is shown as "< 5": never a number, never a bar of zero.
import {alertBox, h, replace} from '../dom.js';
import {formatMonth, formatNumber, formatPercent, label, t, todayInCopenhagen} from '../i18n.js';
import {api} from '../api.js';
import {barChart} from '../charts.js';
import {problemText} from './problems.js';

const GROUPINGS = ['month', 'municipality', 'programme'];
const FIGURES = [
  ['citizensInProgramme', (v) => formatNumber(v, 0)],
  ['citizensWithHours', (v) => formatNumber(v, 0)],
  ['shareWithHours', (v) => formatPercent(v)],
  ['totalHours', (v) => formatNumber(v)],
  ['medianHours', (v) => formatNumber(v)],
];

/**
 * The periods the API answers for, newest first: each month, quarter and year that has ended (at
 * most three years back), as {value: '2026-10' | '2026-Q4' | '2026', from, to, label}. Periods
 * are fixed so that no two answers can be subtracted to reveal a hidden figure.
 */
function endedPeriods() {
  const [year, month] = todayInCopenhagen().split('-').map(Number);
  const iso = (y, m) => `${y}-${String(m).padStart(2, '0')}`;
  const periods = [];
  for (let back = 1; back <= 36; back++) {
    const date = new Date(Date.UTC(year, month - 1 - back, 1));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    if (m === 12) {
      periods.push({value: `${y}`, from: `${y}-01-01`, to: `${y}-12-31`, label: t('outcome.year', {year: y})});
    }
    if (m % 3 === 0) {
      const quarter = m / 3;
      periods.push({value: `${y}-Q${quarter}`, from: `${iso(y, m - 2)}-01`, to: lastDay(iso(y, m)),
        label: t('outcome.quarter', {quarter, year: y})});
    }
    periods.push({value: iso(y, m), from: `${iso(y, m)}-01`, to: lastDay(iso(y, m)), label: formatMonth(iso(y, m))});
  }
  return periods;
}

function lastDay(isoMonth) {
  const [y, m] = isoMonth.split('-').map(Number);
  return `${isoMonth}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export async function outcomePage(main, ctx) {
  const periods = endedPeriods();
  // the last ended month by default: the newest figures there are
  const period = periods.find((p) => p.value === ctx.query.get('period')) ?? periods[0];
  const periodSelect = h('select', {class: 'form-select', id: 'period', name: 'period'},
    periods.map((p) => h('option', {value: p.value, selected: p === period}, p.label)));
  const form = h('form', {class: 'filters', id: 'period-form'},
    h('div', {class: 'form-group'}, h('label', {class: 'form-label', for: 'period'}, t('outcome.period')), periodSelect),
    h('div', {class: 'form-group'}, h('button', {type: 'submit', class: 'button button-secondary'}, t('outcome.show'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/outcome?period=${periodSelect.value}`;
  });
  const results = h('div', {id: 'outcome-results'}, h('p', {}, t('loading')));
  replace(main,
    h('h1', {tabindex: '-1'}, t('outcome.title')),
    h('p', {}, t('outcome.intro')),
    form,
    h('p', {id: 'suppression-legend'}, h('strong', {}, t('suppressed.short')), ' ', t('suppressed.legend')),
    results);
  let outcomes;
  try {
    outcomes = await Promise.all(GROUPINGS.map((groupBy) => api.get('/api/v1/evaluation/paid-hours',
      {from: period.from, to: period.to, groupBy})));
  } catch (error) {
    if (ctx.isCurrent()) replace(results, alertBox('error', null, problemText(error)));
    return;
  }
  if (!ctx.isCurrent()) return;
  const draws = [];
  replace(results, outcomes.map((outcome) => {
    const part = grouping(outcome, ctx.config);
    draws.push(part.draw);
    return part.element;
  }));
  draws.forEach((draw) => draw());
}

function groupName(groupBy, group, config) {
  if (groupBy === 'month') return formatMonth(group);
  if (groupBy === 'municipality') return config.municipalities?.[group] ? `${config.municipalities[group]} (${group})` : group;
  return label('programme', group);
}

function grouping(outcome, config) {
  const {groupBy, groups} = outcome;
  const names = groups.map((group) => groupName(groupBy, group.group, config));
  const hidden = groups.map((group) => group.suppressed.includes('shareWithHours'));
  const canvas = h('canvas', {id: `chart-${groupBy}`, role: 'img',
    'aria-label': t('outcome.chartLabel', {grouping: t(`outcome.by.${groupBy}`)})});
  const element = h('section', {id: `outcome-${groupBy}`, 'aria-labelledby': `heading-${groupBy}`},
    h('h2', {id: `heading-${groupBy}`}, t(`outcome.by.${groupBy}`)),
    groups.length === 0 ? h('p', {}, t('outcome.noGroups')) : h('div', {class: 'chart-box'}, canvas),
    h('div', {class: 'table--responsive-scroll', tabindex: '0', role: 'region',
      'aria-label': t('outcome.tableLabel', {grouping: t(`outcome.by.${groupBy}`)})},
    h('table', {class: 'table table--compact', id: `table-${groupBy}`},
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, t(`outcome.group.${groupBy}`)),
        FIGURES.map(([figure]) => h('th', {scope: 'col', class: 'numeric'}, t(`outcome.figure.${figure}`))))),
      h('tbody', {},
        groups.map((group, i) => h('tr', {}, h('th', {scope: 'row'}, names[i]), cells(group))),
        h('tr', {class: 'total'}, h('th', {scope: 'row'}, t('outcome.total')), cells(outcome.total))))));
  return {
    element,
    draw() {
      if (groups.length === 0) return;
      barChart(canvas, {
        labels: names,
        values: groups.map((group, i) => (hidden[i] || group.shareWithHours === undefined
          ? null : Math.round(group.shareWithHours * 1000) / 10)),
        suppressed: hidden,
        seriesLabel: t('outcome.figure.shareWithHours'),
        describe: (value) => `${formatNumber(value, 1)} %`,
        max: 100,
      });
    },
  };
}

function cells(figures) {
  return FIGURES.map(([figure, format]) => {
    if (figures.suppressed.includes(figure)) {
      return h('td', {class: 'numeric suppressed', title: t('suppressed.long')}, t('suppressed.short'));
    }
    return h('td', {class: 'numeric'}, figures[figure] === undefined ? '–' : format(figures[figure]));
  });
}
