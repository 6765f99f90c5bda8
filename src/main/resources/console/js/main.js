// The console's entry point: configuration, sign-in, the header, and a small hash router.
import {alertBox, h, replace} from './dom.js';
import {lang, setLang, t} from './i18n.js';
import {completeSignIn, currentSession, loadConfig, person, redirectUri, signIn, signOut} from './auth.js';
import {whenSignedOut} from './api.js';
import {signInPage} from './pages/signin.js';
import {inboxPage} from './pages/inbox.js';
import {citizenPage} from './pages/citizen.js';
import {outcomePage} from './pages/outcome.js';
import {surveyPage} from './pages/survey.js';

// The pages by hash route, each offered only to the role it names.
const ROUTES = [
  {path: /^\/inbox$/, role: 'caseworker', nav: 'nav.inbox', href: '#/inbox', render: inboxPage},
  {path: /^\/citizens\/([A-Za-z0-9._-]{1,64})$/, role: 'caseworker', navActive: '#/inbox', render: citizenPage},
  {path: /^\/outcome$/, role: 'evaluator', nav: 'nav.outcome', href: '#/outcome', render: outcomePage},
  {path: /^\/survey$/, role: 'evaluator', nav: 'nav.survey', href: '#/survey', render: surveyPage},
];

const main = document.getElementById('main-content');
let config;
let signInProblem = null;
let renderCount = 0;

function currentRoute() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return {path, query: new URLSearchParams(query)};
}

function renderShell(me, activeHref) {
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('shell.skip');
  document.getElementById('solution-title').textContent = t('shell.solution');
  const toggle = document.getElementById('language-toggle');
  toggle.textContent = lang() === 'da' ? 'English' : 'Dansk';
  toggle.lang = lang() === 'da' ? 'en' : 'da';
  const signOutButton = document.getElementById('sign-out');
  signOutButton.textContent = t('shell.signOut');
  signOutButton.hidden = !me;
  document.getElementById('user-name').textContent = me
    ? `${me.name} · ${me.roles.map((role) => t(`role.${role}`)).join(', ')}` : '';
  const nav = document.getElementById('main-nav');
  nav.setAttribute('aria-label', t('shell.menu'));
  const entries = me ? ROUTES.filter((route) => route.nav && me.roles.includes(route.role)) : [];
  nav.hidden = entries.length === 0;
  replace(document.getElementById('nav-list'), entries.map((route) => h('li', {},
    h('a', {href: route.href, 'aria-current': route.href === activeHref ? 'page' : null}, t(route.nav)))));
}

async function render(moveFocus) {
  const session = currentSession();
  if (!session) {
    renderShell(null);
    const returnTo = location.hash && location.hash !== '#/' ? location.hash : '#/';
    signInPage(main, {config, problem: signInProblem, start: () => signIn(config, returnTo)});
    return;
  }
  signInProblem = null;
  const me = person(config, session);
  const {path, query} = currentRoute();
  const offered = ROUTES.filter((route) => route.nav && me.roles.includes(route.role));
  const found = ROUTES.map((route) => ({route, match: path.match(route.path)})).find((entry) => entry.match);
  if (!found) {
    if (offered.length > 0) {
      location.replace(offered[0].href);
    } else {
      renderShell(me);
      replace(main, h('h1', {tabindex: '-1'}, t('noRole.title')), h('p', {}, t('noRole.text')));
    }
    return;
  }
  const {route, match} = found;
  renderShell(me, route.href ?? route.navActive);
  if (!me.roles.includes(route.role)) {
    replace(main, h('h1', {tabindex: '-1'}, t('noAccess.title')), alertBox('error', null, t('noAccess.text')));
    return;
  }
  const renderId = ++renderCount;
  await route.render(main, {me, config, params: match.slice(1), query, isCurrent: () => renderId === renderCount});
  if (moveFocus && renderId === renderCount) {
    main.querySelector('h1')?.focus();
  }
}

async function boot() {
  setLang(lang());
  try {
    config = await loadConfig();
  } catch (error) {
    replace(main, alertBox('error', t('error.config'), error.message));
    return;
  }
  try {
    const next = await completeSignIn(config);
    if (next) {
      history.replaceState(null, '', redirectUri() + next);
    }
  } catch (error) {
    console.warn('Sign-in failed', error);
    signInProblem = 'failed';
  }
  whenSignedOut(() => {
    signInProblem = 'expired';
    render(true);
  });
  document.getElementById('language-toggle').addEventListener('click', () => {
    setLang(lang() === 'da' ? 'en' : 'da');
    render(false);
  });
  document.getElementById('sign-out').addEventListener('click', () => signOut(config));
  window.addEventListener('hashchange', () => render(true));
  await render(false);
}

boot();
