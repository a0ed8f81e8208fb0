// Renderer unit tests render components on their own, without main.tsx: start the translation
// layer as the app does, in English whatever the machine's locale, since the tests read English.
import { i18next } from '../../renderer/i18n';

await i18next.changeLanguage('en');
