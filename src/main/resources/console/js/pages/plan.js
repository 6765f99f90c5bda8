// The citizen's plan as the caseworker sees it, with what the citizen added since the version was
// published (own steps, comments, objections) marked as new.
import {append, h} from '../dom.js';
import {formatDay, formatInstant, formatNumber, label, t} from '../i18n.js';

export function planSection(plan) {
  const publishedAt = plan.publishedAt ? Date.parse(plan.publishedAt) : 0;
  const isNew = (createdAt) => Date.parse(createdAt) > publishedAt;
  const newTag = (createdAt) => (isNew(createdAt) ? [' ', h('span', {class: 'badge badge-warning'}, t('plan.new'))] : null);
  const contributions = [
    ...plan.goals.flatMap((goal) => goal.ownSteps),
    ...plan.activities.flatMap((activity) => activity.comments),
    ...plan.meetings.flatMap((meeting) => [...meeting.comments, ...meeting.objections]),
  ].filter((entry) => isNew(entry.createdAt)).length;

  const section = h('section', {id: 'section-plan', tabindex: '-1', 'aria-labelledby': 'plan-heading'},
    h('h2', {id: 'plan-heading'}, t('plan.title')));
  if (plan.version === 0) {
    append(section, [h('p', {}, t('plan.none'))]);
    return section;
  }
  append(section, [
    h('p', {}, t('plan.version', {version: plan.version, when: formatInstant(plan.publishedAt),
      by: label('publishedBy', plan.publishedBy)})),
    h('p', {id: 'plan-seen'}, plan.seenVersion >= plan.version
      ? t('plan.seen') : t('plan.notSeen', {seen: plan.seenVersion})),
    h('p', {id: 'plan-changes'}, contributions > 0
      ? h('strong', {}, t('plan.contributions', {count: contributions, version: plan.version}))
      : t('plan.noContributions', {version: plan.version})),
    h('h3', {}, t('plan.goals')),
    plan.goals.length === 0 ? h('p', {}, t('plan.noGoals')) : plan.goals.map((goal) => h('div', {class: 'plan-block'},
      h('h4', {}, goal.title, ' ', h('span', {class: 'badge'}, label('goalType', goal.type))),
      goal.targetDate ? h('p', {}, t('plan.target', {date: formatDay(goal.targetDate)})) : null,
      goal.description ? h('p', {}, goal.description) : null,
      goal.subGoals.length ? h('ul', {}, goal.subGoals.map((sub) => h('li', {}, sub.title,
        sub.targetDate ? ` (${formatDay(sub.targetDate)})` : ''))) : null,
      goal.ownSteps.length ? [h('p', {}, h('strong', {}, t('plan.ownSteps'))),
        h('ul', {}, goal.ownSteps.map((step) => h('li', {class: 'contribution'},
          step.text, ' – ', step.done ? t('plan.stepDone') : t('plan.stepOpen'),
          ` (${formatInstant(step.createdAt)})`, newTag(step.createdAt))))] : null)),
    h('h3', {}, t('plan.activities')),
    plan.activities.length === 0 ? h('p', {}, t('plan.noActivities')) : plan.activities.map((activity) =>
      h('div', {class: 'plan-block'},
        h('h4', {}, label('activityType', activity.type), activity.provider ? ` – ${activity.provider}` : ''),
        h('p', {}, label('activityStatus', activity.status), ' · ', formatDay(activity.period.from), ' – ',
          activity.period.to ? formatDay(activity.period.to) : t('plan.open'),
          activity.weeklyHours ? ` · ${t('plan.weeklyHours', {hours: formatNumber(activity.weeklyHours)})}` : ''),
        activity.description ? h('p', {}, activity.description) : null,
        comments(activity.comments, newTag))),
    h('h3', {}, t('plan.meetings')),
    plan.meetings.length === 0 ? h('p', {}, t('plan.noMeetings')) : plan.meetings.map((meeting) =>
      h('div', {class: 'plan-block'},
        h('h4', {}, formatInstant(meeting.start), meeting.cancelled ? ` – ${t('plan.cancelled')}` : ''),
        h('p', {}, meeting.purpose, ' · ', t('plan.withWhom', {who: meeting.withWhom})),
        meeting.place || meeting.videoLink ? h('p', {}, meeting.place ?? t('plan.video')) : null,
        comments(meeting.comments, newTag),
        meeting.objections.length ? [h('p', {}, h('strong', {}, t('plan.objections'))),
          h('ul', {}, meeting.objections.map((objection) => h('li', {class: 'contribution'}, objection.reason,
            objection.suggestion ? ` – ${t('plan.suggestion', {text: objection.suggestion})}` : '',
            ` (${formatInstant(objection.createdAt)})`, newTag(objection.createdAt))))] : null))]);
  return section;
}

function comments(list, newTag) {
  if (list.length === 0) return null;
  return [h('p', {}, h('strong', {}, t('plan.comments'))),
    h('ul', {}, list.map((comment) => h('li', {class: 'contribution'}, comment.text,
      ` (${formatInstant(comment.createdAt)})`, newTag(comment.createdAt))))];
}
