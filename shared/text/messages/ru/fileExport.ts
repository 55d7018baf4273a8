/** What shared/export writes into a workbook besides the data: the marker of a cell cut to fit. */
export default {
  cellCut: ' … [обрезано: было {{n, number}} знаков]',
};
