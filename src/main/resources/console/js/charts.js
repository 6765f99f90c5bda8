// Bar charts with Chart.js (the vendored UMD build puts Chart on window). Animation is off: the
// charts show figures, and tests and screenshots see the finished drawing at once.
import {t} from './i18n.js';

const BLUE = '#0059b3';
const INK = '#1a1a1a';

function setDefaults() {
  const Chart = window.Chart;
  Chart.defaults.font.family = 'IBM Plex Sans, system-ui, sans-serif';
  Chart.defaults.font.size = 14;
  Chart.defaults.color = INK;
  Chart.defaults.animation = false;
}

/**
 * Writes "< 5" where a suppressed figure would have stood: the bar itself is absent (its value is
 * null), never drawn at zero height, so no one reads a hidden figure as nothing.
 */
const suppressedMarker = {
  id: 'suppressedMarker',
  afterDatasetsDraw(chart, args, options) {
    const flags = options.flags ?? [];
    const {ctx, chartArea, scales} = chart;
    ctx.save();
    ctx.fillStyle = INK;
    ctx.font = `italic 600 14px ${window.Chart.defaults.font.family}`;
    ctx.textAlign = 'center';
    flags.forEach((hidden, index) => {
      if (hidden) {
        ctx.fillText(options.text ?? t('suppressed.short'), scales.x.getPixelForValue(index), chartArea.bottom - 8);
      }
    });
    ctx.restore();
  },
};

/**
 * A bar chart on canvas. values holds numbers or null; suppressed marks the nulls that are hidden
 * figures, drawn with marker (default "< 5"; the survey states its own threshold) and explained by
 * hiddenText in their tooltip. describe(value) gives the tooltip and axis text of a value; whole
 * makes the axis count in whole steps.
 */
export function barChart(canvas, {labels, values, suppressed = [], seriesLabel, describe, max, marker, whole = false,
  hiddenText}) {
  setDefaults();
  const existing = window.Chart.getChart(canvas);
  if (existing) existing.destroy();
  return new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [{label: seriesLabel, data: values, backgroundColor: BLUE, borderColor: BLUE, maxBarThickness: 56}],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: {beginAtZero: true, max, ticks: {precision: whole ? 0 : undefined, callback: (value) => describe(value)}},
        x: {ticks: {autoSkip: true, maxRotation: 60}},
      },
      plugins: {
        legend: {display: false},
        tooltip: {
          callbacks: {
            label: (item) => (suppressed[item.dataIndex] ? (hiddenText ?? t('suppressed.long')) : describe(item.raw)),
          },
        },
        suppressedMarker: {flags: suppressed, text: marker},
      },
    },
    plugins: [suppressedMarker],
  });
}

/**
 * ISO weeks from the first to the last of the given ones ('2026-W44' ...), so that a week without
 * hours shows as an empty place on the axis rather than vanishing.
 */
export function weekRange(weeks) {
  if (weeks.length === 0) return [];
  const sorted = [...weeks].sort();
  const result = [];
  let monday = mondayOf(sorted[0]);
  const last = mondayOf(sorted[sorted.length - 1]);
  while (monday <= last) {
    result.push(isoWeek(monday));
    monday = new Date(monday.getTime() + 7 * 86400000);
  }
  return result;
}

function mondayOf(week) {
  const [year, number] = week.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayWeek1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
  return new Date(mondayWeek1.getTime() + (number - 1) * 7 * 86400000);
}

function isoWeek(monday) {
  const thursday = new Date(monday.getTime() + 3 * 86400000);
  const year = thursday.getUTCFullYear();
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const number = Math.floor((thursday - jan1) / (7 * 86400000)) + 1;
  return `${year}-W${String(number).padStart(2, '0')}`;
}
