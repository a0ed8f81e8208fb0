export { LANGUAGES, LANGUAGE_NAMES, isLanguage, matchLanguage, type Language } from './languages';
export { say, render, isText, type Text, type MessageKey, type Param as TextParam } from './text';
export { saying, spoken, type Said } from './said';
export { catalogs as coreCatalogs } from './catalog';
export { cat, wordsIn, type Words } from './words';
export { TextSchema, isValidText } from './schema';
