/** What shared/export writes into a workbook besides the data, in English. */
import type { Locale } from '../shape';
import type ru from '../ru/fileExport';

const en: Locale<typeof ru> = {
  cellCut: ' … [cut: it had {{n, number}} characters]',
};
export default en;
