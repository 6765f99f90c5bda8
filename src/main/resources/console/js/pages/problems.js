// What to tell the person when the API says no.
import {t} from '../i18n.js';

export function problemText(error) {
  switch (error.status) {
    case 403: return t('error.forbidden');
    case 404: return t('error.notFound');
    case 401: return t('signIn.expired');
    case 429: return t('error.busy');
    default: return error.status ? t('error.generic', {status: error.status}) : t('error.network');
  }
}
