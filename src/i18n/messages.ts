import type { Locale } from '../domain/locale.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language must fill: English defines it, the type checker enforces it. */
export type Messages = Widen<typeof en>;

const CATALOGUES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}
