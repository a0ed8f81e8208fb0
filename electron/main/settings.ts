// Main's own settings, kept in <userData>/settings.json beside the Open Recent list: today only
// the language the student chose in the window, so that the menu and the native dialogs speak it
// from the next start on, before the window has loaded.
import path from 'node:path';
import { isLanguage, type Language } from '../../core/messages/languages';
import { atomicWrite } from '../../node/files/atomic-write';
import { readOwnJson } from '../../node/files/read';

/** A few short fields; anything bigger is not our file. */
const MAX_SETTINGS_BYTES = 64 * 1024;

export class Settings {
  private chosenLanguage: Language | null = null;
  private readonly file: string;
  /** Writes one after another, so the file ends with the last choice even when two overlap. */
  private writing: Promise<void> = Promise.resolve();

  constructor(userData: string) {
    this.file = path.join(userData, 'settings.json');
  }

  async load(): Promise<void> {
    this.chosenLanguage = null;
    // A missing, damaged or planted file means "nothing chosen".
    const value = await readOwnJson(this.file, MAX_SETTINGS_BYTES);
    const language = typeof value === 'object' && value !== null ? (value as { language?: unknown }).language : undefined;
    if (isLanguage(language)) this.chosenLanguage = language;
  }

  /** The language the student chose, or null while the app follows the system. */
  get language(): Language | null {
    return this.chosenLanguage;
  }

  setLanguage(language: Language | null): Promise<void> {
    if (language === this.chosenLanguage) return this.writing;
    this.chosenLanguage = language;
    const text = JSON.stringify(language ? { language } : {});
    // Not remembered is better than a failed switch: the language changes either way.
    this.writing = this.writing.then(() => atomicWrite(this.file, text)).catch(() => undefined);
    return this.writing;
  }
}
