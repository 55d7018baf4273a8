// What other features may use of the exchange: opening an exchange file from the first run.
export { ExchangeImport } from './ExchangeImport';
