/** The English namespace type lives beside shared/'s own message catalogs, which use it too. */
export type { Locale } from '../../shared/text/messages/shape';
