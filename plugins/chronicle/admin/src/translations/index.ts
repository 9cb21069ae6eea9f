import en from './en';
import zhHans from './zh-Hans';

export const translations: Record<string, Record<string, string>> = { en, 'zh-Hans': zhHans };
