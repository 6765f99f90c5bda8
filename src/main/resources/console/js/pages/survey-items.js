// One item of a survey round's results: a chart of the answers of all groups together and a table
// of every group beside it; a text item instead offers its free texts, which the API gives only
// once the round has enough answers (409 too-few-answers before: a plain message, not an error).
import {alertBox, h, replace} from '../dom.js';
import {formatNumber, t} from '../i18n.js';
import {api} from '../api.js';
import {barChart} from '../charts.js';
import {groupName, surveyProblem} from './survey.js';

const NUMERIC = ['likert5', 'scale0to10'];

/**
 * A table cell for a hidden figure: the marker, and what it means for those who hover; a screen
 * reader also hears that "< 5" is a hidden figure, not a figure below five.
 */
export function hiddenCell(marker, threshold) {
  return h('td', {class: 'numeric suppressed', title: t('survey.hiddenLong', {threshold})}, marker,
    marker === t('survey.hidden') ? null : h('span', {class: 'sr-only'}, ` (${t('survey.hiddenShort')})`));
}

export function itemSection(results, index, config, draws) {
  const {groupBy, groups, total, threshold, roundId} = results;
  const item = total.items[index];
  const id = `item-${item.itemId}`;
  const marker = t('survey.marker', {threshold});
  const numeric = NUMERIC.includes(item.type);
  const rows = [...groups.map((row) => ({name: groupName(groupBy, row, config), result: row.items[index]})),
    {name: t('survey.total'), result: item, total: true}];
  const count = (result, name, value) => (result.suppressed.includes(name) ? hiddenCell(marker, threshold)
    : h('td', {class: 'numeric'}, value === undefined ? '–' : formatNumber(value, 0)));
  const derived = (result, name) => (result.suppressed.includes(name) ? hiddenCell(t('survey.hidden'), threshold)
    : h('td', {class: 'numeric'}, result[name] === undefined ? '–' : formatNumber(result[name], 2)));
  const table = h('table', {class: 'table table--compact', id: `table-${id}`},
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col'}, t(`survey.by.${groupBy}`)),
      h('th', {scope: 'col', class: 'numeric'}, t('survey.col.answers')),
      item.distribution.map((entry) => h('th', {scope: 'col', class: 'numeric'}, entry.label)),
      numeric ? [h('th', {scope: 'col', class: 'numeric'}, t('survey.col.mean')),
        h('th', {scope: 'col', class: 'numeric'}, t('survey.col.median'))] : null)),
    h('tbody', {}, rows.map((row) => h('tr', {class: row.total ? 'total' : null},
      h('th', {scope: 'row'}, row.name),
      count(row.result, 'answers', row.result.answers),
      row.result.distribution.map((entry) => count(row.result, `distribution.${entry.value}`, entry.count)),
      numeric ? [derived(row.result, 'mean'), derived(row.result, 'median')] : null))));
  const canvas = h('canvas', {id: `chart-${id}`, role: 'img',
    'aria-label': t('survey.item.chartLabel', {item: item.text, marker})});
  if (item.distribution.length > 0) {
    draws.push(() => barChart(canvas, {
      labels: item.distribution.map((entry) => entry.label),
      values: item.distribution.map((entry) => entry.count ?? null),
      suppressed: item.distribution.map((entry) => entry.count === undefined),
      marker,
      hiddenText: t('survey.hiddenLong', {threshold}),
      seriesLabel: t('survey.col.answers'),
      describe: (value) => formatNumber(value, 0),
      whole: true,
    }));
  }
  return h('section', {class: 'survey-item', id, 'aria-labelledby': `${id}-heading`},
    h('h3', {id: `${id}-heading`}, item.text),
    item.type === 'multi' ? h('p', {class: 'form-hint'}, t('survey.item.multi')) : null,
    item.distribution.length > 0
      ? [h('p', {class: 'survey-chart-caption'}, t('survey.item.chartCaption')),
        h('div', {class: 'chart-box chart-box-small'}, canvas)]
      : null,
    h('div', {class: 'table--responsive-scroll', tabindex: '0', role: 'region',
      'aria-label': t('survey.tableLabel', {what: item.text})}, table),
    item.type === 'text' ? freeTexts(roundId, item, threshold) : null);
}

/** A text item's free texts, fetched when asked for (each read is audit-logged), page by page. */
function freeTexts(roundId, item, threshold) {
  const list = h('ul', {class: 'survey-free-texts', 'aria-label': t('survey.freeTexts.label')});
  const message = h('div', {});
  let cursor;
  const button = h('button', {type: 'button', class: 'button button-secondary', id: `free-texts-${item.itemId}`},
    t('survey.freeTexts.show'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const page = await api.get(`/api/v1/evaluation/survey-rounds/${encodeURIComponent(roundId)}/free-texts`,
        {itemId: item.itemId, cursor, limit: 50});
      list.append(...page.texts.map((text) => h('li', {}, text)));
      cursor = page.nextCursor;
      replace(message, list.children.length === 0 ? h('p', {}, t('survey.freeTexts.none')) : null);
      button.textContent = t('survey.freeTexts.more');
      button.hidden = !cursor;
    } catch (error) {
      replace(message, error.code === 'too-few-answers'
        ? h('p', {class: 'survey-too-few'}, t('survey.freeTexts.tooFew', {threshold}))
        : alertBox('error', null, surveyProblem(error)));
      button.hidden = error.code === 'too-few-answers';
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {class: 'survey-free-text-part', id: `free-text-part-${item.itemId}`}, list, message, button);
}
