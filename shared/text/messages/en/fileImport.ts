/** Why a delegate list is refused (shared/import's ImportError), and the names of formats, encodings and delimiters, in English. */
import type { Locale } from '../shape';
import type ru from '../ru/fileImport';

const en: Locale<typeof ru> = {
  emptyFile: 'The file is empty (0 bytes). Check that the list was saved and choose the file again.',
  noCells: 'The file has no filled cells at all. Check that the sheet with the list was saved.',
  tooLarge: 'The file is too large: {{size, bytes}} (the limit is {{max, bytes}}). Delete extra sheets and pictures or save the list as CSV.',
  notATable: 'This is not a spreadsheet but {{what}}. Open the list in Excel or LibreOffice, save it as .xlsx (or .csv) and choose that file.',
  kinds: {
    pdf: 'a PDF document',
    png: 'a PNG picture',
    jpeg: 'a JPEG photo',
    gif: 'a GIF picture',
    rar: 'a RAR archive',
    sevenZip: 'a 7z archive',
    gzip: 'a gzip archive',
    exe: 'a Windows program',
    rtf: 'an RTF document',
    document: 'a text document or a presentation (Word, Writer, PowerPoint)',
    zip: 'a zip archive',
    word97: 'a Word 97–2003 document',
    office: 'an Office file of an unknown kind',
    binary: 'a binary file of an unknown format',
    web: 'a web page or XML without a table',
  },
  xlsb: 'This is a binary Excel workbook (.xlsb). Open it in Excel and save it as «Excel Workbook (.xlsx)».',
  truncatedXls: 'The file is cut short or damaged (the Excel 97–2003 workbook is incomplete). Ask for the file to be sent again.',
  corruptXls: 'The file is damaged: the Excel 97–2003 workbook cannot be read. Open the list in Excel or LibreOffice, save it as .xlsx (or .csv) and choose that file.',
  corrupt: 'The file is damaged; SheetJS could not read it ({{detail}}). Open the list in Excel or LibreOffice, save it as .xlsx (or .csv) and choose that file.',
  unreadable: 'The file could not be read ({{detail}}). Open it in Excel, save it again as .xlsx and try once more.',
  passwordProtected:
    'The workbook is protected by a password. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password → an empty password), save it and choose the file again.',
  tooManyRows: 'The file has more than {{max, number}} rows — this is not a delegate list. Split the file into parts or delete the extra rows.',
  tooManyRowsSheet: 'The sheet «{{sheet}}» has more than {{max, number}} rows — this is not a delegate list. Delete the extra rows or split the file into parts.',
  tooManyRowsDeclared:
    'The sheet «{{sheet}}» has {{rows, number}} rows (as the file itself declares), and the limit is {{max, number}} — this is not a delegate list. Delete the extra rows or split the file into parts.',
  truncatedZip:
    'The file is cut short or damaged: the Excel workbook archive is incomplete (most likely the file was not fully downloaded or written). Ask for the file to be sent again, or open it in Excel and save it again.',
  zip64: 'The workbook archive declares more than 65,535 parts or 4 GB of data — this is not a delegate list. Open the file in Excel and save it again.',
  zipEntries_one: 'The workbook archive has {{count, number}} part — an ordinary spreadsheet never has that many. Save the file again in Excel.',
  zipEntries_other: 'The workbook archive has {{count, number}} parts — an ordinary spreadsheet never has that many. Save the file again in Excel.',
  zipEncrypted: 'The archive is encrypted with a password. Remove the password, save the spreadsheet again as .xlsx and choose it once more.',
  zipNoSize: 'The archive part «{{name}}» does not declare its unpacked size — such a file can expand without limit. Save the spreadsheet again in Excel.',
  zipBomb:
    'A file of {{size, bytes}} unpacks to {{total, bytes}} — an ordinary spreadsheet does not compress like that (possibly a «zip bomb»). Open the file in Excel and save it again, or ask for the list as CSV.',
  timeout: 'Reading the file took longer than {{seconds, number}} s and was stopped. Open the file in Excel, delete extra sheets and rows and save it again (or save it as CSV).',
  noNameColumn: 'No column with full names was found. Title a column «ФИО» (or three columns «Фамилия», «Имя», «Отчество») in the header row, or choose the columns by hand.',
  noNameColumnSheet:
    'No column with full names was found on the sheet «{{sheet}}». Title a column «ФИО» (or three columns «Фамилия», «Имя», «Отчество») in the header row, or choose the columns by hand.',
  column: 'Column {{column}} (row {{row}})',
  sheetColumn: 'Sheet «{{sheet}}», column {{column}} (row {{row}})',
  headerTooLong_one: '{{place}}: the header is {{count, number}} character long (the limit is {{max, number}}). Shorten it to a few words.',
  headerTooLong_other: '{{place}}: the header is {{count, number}} characters long (the limit is {{max, number}}). Shorten it to a few words.',
  forbiddenHeader: '{{place}}: the header «{{text}}» is not allowed. Rename the column (for example, to «Notes») or delete it.',
  formats: { xlsx: 'Excel workbook (.xlsx)', xls: 'Excel 97–2003 workbook (.xls)', ods: 'OpenDocument spreadsheet (.ods)', csv: 'CSV' },
  encodings: { utf8: 'UTF-8', utf8Bom: 'UTF-8 with BOM', cp1251: 'Windows-1251 (Cyrillic)', utf16: 'UTF-16 (Unicode from Excel)' },
  delimiters: { semicolon: 'semicolon «;»', comma: 'comma «,»', tab: 'tab' },
};
export default en;
