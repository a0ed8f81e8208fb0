export { LANGUAGES, isLanguage, type Language } from './languages';
export { say, render, isText, type Text, type MessageKey, type Param as TextParam } from './text';
export { saying, spoken, type Said } from './said';
export { CATALOGS as CORE_CATALOGS } from './catalog';
export { TextSchema, isValidText } from './schema';
