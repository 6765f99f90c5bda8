// The evaluator's survey results: pick a round and a grouping (municipality or programme), read the
// response rate and each item's answers as charts and tables, download the CSV, and read a text
// item's free texts once the round has enough answers. A figure the API hides is shown as
// "< threshold" (or "hidden" for a rate, mean or median): never a number, never a bar of zero.
import {alertBox, announce, h, replace} from '../dom.js';
import {formatInstant, formatNumber, formatPercent, label, lang, t} from '../i18n.js';
import {allPages, api, download} from '../api.js';
import {barChart} from '../charts.js';
import {problemText} from './problems.js';
import {hiddenCell, itemSection} from './survey-items.js';

const GROUPINGS = ['municipality', 'programme'];

export async function surveyPage(main, ctx) {
  const status = h('div', {id: 'survey-results'}, h('p', {}, t('loading')));
  replace(main, h('h1', {tabindex: '-1'}, t('survey.title')), h('p', {}, t('survey.intro')), status);
  let rounds;
  try {
    rounds = await allPages('/api/v1/evaluation/survey-rounds', {limit: 100});
  } catch (error) {
    if (ctx.isCurrent()) replace(status, alertBox('error', null, problemText(error)));
    return;
  }
  if (!ctx.isCurrent()) return;
  if (rounds.length === 0) {
    replace(status, h('p', {}, t('survey.noRounds')));
    return;
  }
  const round = rounds.find((r) => r.roundId === ctx.query.get('round')) ?? rounds[0];
  const groupBy = GROUPINGS.includes(ctx.query.get('groupBy')) ? ctx.query.get('groupBy') : 'municipality';
  status.before(choiceForm(rounds, round, groupBy));
  let results;
  try {
    results = await api.get(`/api/v1/evaluation/survey-rounds/${encodeURIComponent(round.roundId)}/results`, {groupBy});
  } catch (error) {
    if (ctx.isCurrent()) replace(status, alertBox('error', null, surveyProblem(error)));
    return;
  }
  if (!ctx.isCurrent()) return;
  const draws = [];
  const sections = [responseSection(results, ctx.config, draws),
    h('h2', {id: 'survey-items-heading'}, t('survey.items')),
    lang() === 'da' ? null : h('p', {}, t('survey.danishItems')),
    results.total.items.map((item, index) => itemSection(results, index, ctx.config, draws))];
  replace(status, roundSummary(round),
    results.total.answered === 0 ? h('p', {id: 'survey-no-answers'}, t('survey.noAnswers')) : null,
    csvPart(round, groupBy), legend(results.threshold), sections);
  draws.forEach((draw) => draw());
}

export function surveyProblem(error) {
  if (error.code === 'survey-round-opening') return t('survey.opening');
  if (error.status === 404) return t('survey.notFound');
  return problemText(error);
}

function roundTitle(round) {
  return round.title[lang()] ?? round.title.da;
}

function choiceForm(rounds, selected, groupBy) {
  const roundSelect = h('select', {class: 'form-select', id: 'survey-round', name: 'round'},
    rounds.map((round) => h('option', {value: round.roundId, selected: round.roundId === selected.roundId},
      `${roundTitle(round)} (${t(`survey.status.${round.status}`)})`)));
  const groupSelect = h('select', {class: 'form-select', id: 'survey-group-by', name: 'groupBy'},
    GROUPINGS.map((grouping) => h('option', {value: grouping, selected: grouping === groupBy},
      t(`survey.by.${grouping}`))));
  const form = h('form', {class: 'filters', id: 'survey-form'},
    h('div', {class: 'form-group'}, h('label', {class: 'form-label', for: 'survey-round'}, t('survey.round')), roundSelect),
    h('div', {class: 'form-group'}, h('label', {class: 'form-label', for: 'survey-group-by'}, t('survey.groupBy')),
      groupSelect),
    h('div', {class: 'form-group'}, h('button', {type: 'submit', class: 'button button-secondary'}, t('survey.show'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/survey?round=${encodeURIComponent(roundSelect.value)}&groupBy=${groupSelect.value}`;
  });
  return form;
}

function roundSummary(round) {
  return h('p', {id: 'survey-round-summary'}, t('survey.period', {
    title: roundTitle(round), from: formatInstant(round.opensAt), to: formatInstant(round.closesAt),
    status: t(`survey.status.${round.status}`),
    questionnaire: `${round.questionnaireId} v${round.questionnaireVersion}`,
  }));
}

function legend(threshold) {
  return h('div', {id: 'suppression-legend'},
    h('p', {}, h('strong', {}, t('survey.marker', {threshold})), ' ', t('survey.legend', {threshold})),
    h('p', {}, h('strong', {}, t('survey.hidden')), ' ', t('survey.hiddenLegend')));
}

/** The CSV of the grouping shown, fetched with the bearer token and saved through a Blob. */
function csvPart(round, groupBy) {
  const message = h('div', {id: 'survey-csv-status'});
  const button = h('button', {type: 'button', class: 'button button-primary', id: 'survey-csv'},
    t('survey.csv', {grouping: t(`survey.by.${groupBy}`).toLowerCase()}));
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(message);
    try {
      const {name} = await download(`/api/v1/evaluation/survey-rounds/${encodeURIComponent(round.roundId)}/results.csv`,
        {groupBy}, 'text/csv', `survey-${round.roundId}-${groupBy}.csv`);
      replace(message, h('p', {}, t('survey.csvDone', {name})));
      announce(t('survey.csvDone', {name}));
    } catch (error) {
      replace(message, alertBox('error', null, surveyProblem(error)));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {class: 'survey-csv'}, button, h('p', {class: 'form-hint'}, t('survey.csvHelp')), message);
}

export function groupName(groupBy, row, config) {
  if (groupBy === 'programme') return label('programme', row.group);
  const name = row.name ?? config.municipalities?.[row.group];
  return name ? `${name} (${row.group})` : row.group;
}

function responseSection(results, config, draws) {
  const {groupBy, groups, total, threshold} = results;
  const names = groups.map((row) => groupName(groupBy, row, config));
  const grouping = t(`survey.by.${groupBy}`).toLowerCase();
  const canvas = h('canvas', {id: 'chart-response', role: 'img', 'aria-label': t('survey.response.chartLabel', {grouping})});
  const count = (row, figure) => (row.suppressed.includes(figure)
    ? hiddenCell(t('survey.marker', {threshold}), threshold)
    : h('td', {class: 'numeric'}, row[figure] === undefined ? '–' : formatNumber(row[figure], 0)));
  const rate = (row) => (row.suppressed.includes('responseRate') ? hiddenCell(t('survey.hidden'), threshold)
    : h('td', {class: 'numeric'}, row.responseRate === undefined ? '–' : formatPercent(row.responseRate)));
  const rowOf = (row, name, attrs = {}) => h('tr', attrs, h('th', {scope: 'row'}, name),
    count(row, 'invited'), count(row, 'answered'), rate(row));
  draws.push(() => {
    if (groups.length === 0) return;
    const hidden = groups.map((row) => row.suppressed.includes('responseRate') || row.responseRate === undefined);
    barChart(canvas, {
      labels: names,
      values: groups.map((row, i) => (hidden[i] ? null : Math.round(row.responseRate * 1000) / 10)),
      suppressed: groups.map((row) => row.suppressed.includes('responseRate')),
      marker: t('survey.hidden'),
      hiddenText: t('survey.hiddenLong', {threshold}),
      seriesLabel: t('survey.col.responseRate'),
      describe: (value) => `${formatNumber(value, 1)} %`,
      max: 100,
    });
  });
  return h('section', {id: 'survey-response', 'aria-labelledby': 'survey-response-heading'},
    h('h2', {id: 'survey-response-heading'}, t('survey.response.title')),
    groups.length === 0 ? h('p', {}, t('survey.noGroups')) : h('div', {class: 'chart-box chart-box-small'}, canvas),
    h('div', {class: 'table--responsive-scroll', tabindex: '0', role: 'region',
      'aria-label': t('survey.tableLabel', {what: t('survey.response.title')})},
    h('table', {class: 'table table--compact', id: 'table-response'},
      h('thead', {}, h('tr', {},
        h('th', {scope: 'col'}, t(`survey.by.${groupBy}`)),
        ['invited', 'answered', 'responseRate'].map((figure) =>
          h('th', {scope: 'col', class: 'numeric'}, t(`survey.col.${figure}`))))),
      h('tbody', {},
        groups.map((row, i) => rowOf(row, names[i])),
        rowOf(total, t('survey.total'), {class: 'total'})))));
}
