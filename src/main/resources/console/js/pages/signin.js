// The sign-in page: one button to the employees' identity provider (in demo mode, the development
// issuer, which then asks whom to be).
import {alertBox, h, replace} from '../dom.js';
import {t} from '../i18n.js';

export function signInPage(main, {config, problem, start}) {
  const button = h('button', {type: 'button', class: 'button button-primary', id: 'sign-in'}, t('signIn.button'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await start();
    } catch (error) {
      button.disabled = false;
      main.append(alertBox('error', t('signIn.failed'), error.message));
    }
  });
  replace(main,
    h('h1', {tabindex: '-1'}, t('signIn.title')),
    problem === 'expired' ? alertBox('warning', null, t('signIn.expired')) : null,
    problem === 'failed' ? alertBox('error', null, t('signIn.failed')) : null,
    h('p', {}, t('signIn.intro')),
    config.demo ? alertBox('info', t('signIn.demoHeading'), t('signIn.demoText')) : null,
    h('p', {}, button));
}
