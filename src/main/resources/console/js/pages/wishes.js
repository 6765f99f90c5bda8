// Interests and wishes: the current version, and every version before it with what it changed
// shown as a diff: wishes and occupations added or removed, texts word by word.
import {append, h} from '../dom.js';
import {formatInstant, formatNumber, label, lang, t} from '../i18n.js';
import {listDiff, wordDiff} from '../diff.js';

const TEXTS = [
  ['interests.text', (w) => w.interests?.text],
  ['constraints', (w) => w.constraints],
  ['whatMatters', (w) => w.whatMatters],
];

export function wishesSection(wishes, occupations) {
  const occupationName = (code) => {
    const found = occupations.find((occupation) => occupation.code === code);
    return found ? (lang() === 'en' ? found.labelEn : found.labelDa) : code;
  };
  const current = wishes.current;
  const section = h('section', {id: 'section-wishes', tabindex: '-1', 'aria-labelledby': 'wishes-heading'},
    h('h2', {id: 'wishes-heading'}, t('wishes.title')));
  if (current.version === 0) {
    append(section, [h('p', {}, t('wishes.none'))]);
    return section;
  }
  append(section, [
    h('p', {}, t('wishes.version', {version: current.version, when: formatInstant(current.changedAt)})),
    h('dl', {id: 'wishes-current'},
      h('dt', {}, t('wishes.wishes')),
      h('dd', {}, current.wishes.length ? h('ul', {}, current.wishes.map((wish) => h('li', {},
        label('wishType', wish.type), wish.comment ? ` – ${wish.comment}` : ''))) : '–'),
      h('dt', {}, t('wishes.occupations')),
      h('dd', {}, current.interests.occupations?.length
        ? h('ul', {}, current.interests.occupations.map((code) => h('li', {}, occupationName(code)))) : '–'),
      h('dt', {}, t('field.interests.text')), h('dd', {}, current.interests.text ?? '–'),
      h('dt', {}, t('wishes.hoursPerWeek')),
      h('dd', {}, current.hoursPerWeek === undefined ? '–' : formatNumber(current.hoursPerWeek)),
      h('dt', {}, t('field.constraints')), h('dd', {}, current.constraints ?? '–'),
      h('dt', {}, t('field.whatMatters')), h('dd', {}, current.whatMatters ?? '–')),
    h('h3', {}, t('wishes.history')),
    h('ol', {id: 'wishes-history', reversed: true}, wishes.history.map((entry, index) => {
      const before = wishes.history[index + 1]?.wishes ?? {};
      return h('li', {},
        h('h4', {}, t('wishes.versionHeading', {version: entry.version, when: formatInstant(entry.changedAt)})),
        h('p', {lang: 'da'}, entry.summary),
        changes(before, entry.wishes, occupationName));
    }))]);
  return section;
}

function changes(before, after, occupationName) {
  const wishTypes = (w) => (w.wishes ?? []).map((wish) => wish.type);
  const wishLists = listDiff(wishTypes(before), wishTypes(after));
  const occupationLists = listDiff(before.interests?.occupations ?? [], after.interests?.occupations ?? []);
  const lines = [
    ...wishLists.added.map((type) => added(t('wishes.wish'), label('wishType', type))),
    ...wishLists.removed.map((type) => removed(t('wishes.wish'), label('wishType', type))),
    ...occupationLists.added.map((code) => added(t('wishes.occupation'), occupationName(code))),
    ...occupationLists.removed.map((code) => removed(t('wishes.occupation'), occupationName(code))),
  ];
  if (before.hoursPerWeek !== after.hoursPerWeek) {
    lines.push(h('li', {}, t('wishes.hoursPerWeek'), ': ',
      h('del', {}, before.hoursPerWeek === undefined ? '–' : formatNumber(before.hoursPerWeek)), ' → ',
      h('ins', {}, after.hoursPerWeek === undefined ? '–' : formatNumber(after.hoursPerWeek))));
  }
  for (const [field, read] of TEXTS) {
    if ((read(before) ?? '') !== (read(after) ?? '')) {
      lines.push(h('li', {}, t(`field.${field}`), ':',
        h('p', {class: 'diff'}, wordDiff(read(before) ?? '', read(after) ?? '').map((part) => part.kind === 'same'
          ? part.text
          : h(part.kind === 'added' ? 'ins' : 'del', {},
            h('span', {class: 'sr-only'}, t(part.kind === 'added' ? 'diff.addedStart' : 'diff.removedStart')),
            part.text,
            h('span', {class: 'sr-only'}, t('diff.end')))))));
    }
  }
  return lines.length ? h('ul', {class: 'diff diff-list'}, lines) : h('p', {}, t('wishes.noChange'));
}

function added(what, name) {
  return h('li', {}, h('ins', {}, h('span', {class: 'sr-only'}, t('diff.addedStart')), `${what}: ${name}`),
    ' ', t('wishes.added'));
}

function removed(what, name) {
  return h('li', {}, h('del', {}, h('span', {class: 'sr-only'}, t('diff.removedStart')), `${what}: ${name}`),
    ' ', t('wishes.removed'));
}
