// The name a never-saved project goes by: the store keeps 'untitled.bpnn' (the name a first save
// suggests and the web build's download checks for), the student reads it in their language.
import { t } from '../i18n';

export const UNTITLED = 'untitled.bpnn';

/** The file's name as shown: a project that has no file yet is 未命名.bpnn in Chinese. */
export function shownFileName(fileName: string, filePath: string | null): string {
  return filePath === null && fileName === UNTITLED ? t('checks.untitled') : fileName;
}
