import { useTranslation } from 'react-i18next';
import { categories } from '../../../shared/domain/types';
import { columnLetter } from '../../../shared/import/errors';
import { fieldLabel } from '../../../shared/import/records';
import { delimiterName, encodingName } from '../../../shared/import/csv';
import { sayText } from '../../i18n';
import { importFields, type CsvDelimiter, type ImportField, type TextEncoding } from '../../../shared/import/types';
import { DialogFooter, Select, SelectField, type Option } from '../../components/ui';
import { categoryLabel } from './categories';
import type { Loaded } from './wizard-types';
import { fixableFields, initialRequest } from './session';
import type { AnalyzeRequest, CsvOverrides } from './worker-protocol';
import { formatNumber } from '../../../shared/text/format';

const SAMPLE_ROWS = 8;
// when the guess was wrong (the sample shows mojibake or one long column), the user picks
const ENCODINGS: readonly TextEncoding[] = ['utf-8', 'utf-8-bom', 'windows-1251', 'utf-16le'];
const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];
const collator = new Intl.Collator('ru');

/**
 * Step 2: which sheet, which row is the header, which column is which field — each shown against the
 * sheet's own first rows — and a value for the whole sheet where a column is missing.
 */
export function StepMapping(props: {
  loaded: Loaded;
  request: AnalyzeRequest;
  onChange: (r: AnalyzeRequest) => void;
  onCsv: (csv: CsvOverrides) => void;
  onBack: () => void;
  onNext: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation('import');
  const { loaded, request, onChange } = props;
  const { reply, base } = loaded;
  const sheet = reply.sheets[request.sheet]!;
  const width = Math.max(request.headers.length, ...sheet.head.map((r) => r.length));
  const fieldOf = new Map<number, ImportField[]>();
  for (const f of importFields) {
    const c = request.mapping[f];
    if (c !== undefined) fieldOf.set(c, [...(fieldOf.get(c) ?? []), f]);
  }
  const setColumn = (f: ImportField, value: string) => {
    const mapping = { ...request.mapping };
    if (value === '') delete mapping[f];
    else mapping[f] = Number(value);
    onChange({ ...request, mapping });
  };
  const setFixed = (f: ImportField, value: string) => {
    const fixed = { ...request.fixed };
    if (value.trim() === '') delete fixed[f];
    else fixed[f] = value;
    onChange({ ...request, fixed });
  };
  const first = request.headerRow - request.headerRows + 1;
  const sample = sheet.head.slice(Math.max(0, first), request.headerRow + 1 + SAMPLE_ROWS);
  const municipalities = [...base.municipalities].sort((a, b) => collator.compare(a.name, b.name));
  const sections = [...base.sections].sort((a, b) => a.order - b.order);
  const nameMapped = request.mapping.fullName !== undefined || request.mapping.surname !== undefined;

  return (
    <section className="import-step" aria-label={t('mapping.label')}>
      {reply.notice && (
        <p className="import-notice" role="status">
          {sayText(reply.notice.said)}
        </p>
      )}
      {request.keyColumn !== undefined && (
        <p className="import-notice" role="status">
          {t('mapping.template')}
        </p>
      )}
      {request.mapping.municipality === undefined && <FileMunicipality loaded={loaded} value={request.fixed.municipality ?? ''} names={municipalities.map((m) => m.name)} onChange={(v) => setFixed('municipality', v)} />}
      <div className="field-row">
        {reply.format === 'csv' && (
          <>
            <SelectField
              label={t('mapping.encoding')}
              value={reply.encoding ?? ''}
              onChange={(encoding) => props.onCsv({ ...loaded.csv, encoding })}
              options={ENCODINGS.map((v): Option<TextEncoding> => [v, sayText(encodingName(v))])}
              disabled={props.busy}
            />
            <SelectField
              label={t('mapping.delimiter')}
              value={reply.delimiter ?? ';'}
              onChange={(delimiter) => props.onCsv({ ...loaded.csv, delimiter })}
              options={DELIMITERS.map((v): Option<CsvDelimiter> => [v, sayText(delimiterName(v))])}
              disabled={props.busy}
            />
          </>
        )}
        {reply.sheets.length > 1 && (
          <SelectField
            label={t('mapping.sheet')}
            value={String(request.sheet)}
            onChange={(v) => onChange({ ...initialRequest(reply, Number(v), base), fixed: request.fixed })}
            options={reply.sheets.map((s, i): Option<string> => [String(i), t(s.hidden ? 'mapping.sheetHidden' : 'mapping.sheetOption', { name: s.name, rows: formatNumber(s.rowCount) })])}
          />
        )}
        <SelectField
          label={t('mapping.headerRow')}
          value={String(request.headerRow)}
          onChange={(v) => onChange({ ...initialRequest(reply, request.sheet, base, Number(v)), fixed: request.fixed })}
          options={sheet.head.slice(0, 30).map((row, r): Option<string> => [
            String(r),
            t(r === sheet.headerRow && sheet.headerRows === 2 ? 'mapping.headerTwoRows' : 'mapping.headerOption', { row: r + 1, text: row.filter(Boolean).join(' | ').slice(0, 70) || t('mapping.emptyRow') }),
          ])}
        />
      </div>

      <div className="mapping-grid" role="group" aria-label={t('mapping.grid')}>
        <span className="mapping-head">{t('mapping.field')}</span>
        <span className="mapping-head">{t('mapping.column')}</span>
        <span className="mapping-head">{t('mapping.orValue')}</span>
        {importFields.map((f) => (
          <div key={f} className="mapping-row">
            <span className="mapping-label">{sayText(fieldLabel(f))}</span>
            <Select
              aria-label={t('mapping.columnFor', { field: sayText(fieldLabel(f)) })}
              value={String(request.mapping[f] ?? '')}
              onChange={(v) => setColumn(f, v)}
              placeholder={t('mapping.skip')}
              options={Array.from({ length: width }, (_, c) => [String(c), t('mapping.columnOption', { letter: columnLetter(c), header: (request.headers[c] ?? '').trim().slice(0, 50) || t('mapping.noHeader') })] as const)}
            />
            {fixableFields.includes(f) ? (
              <FixedInput field={f} value={request.fixed[f] ?? ''} onChange={(v) => setFixed(f, v)} municipalities={municipalities.map((m) => m.name)} sections={sections.map((s) => s.title)} />
            ) : (
              <span />
            )}
          </div>
        ))}
      </div>
      {!nameMapped && <p className="field-error">{t('mapping.needName')}</p>}

      <h3 className="import-subhead">{t('mapping.sampleHeading', { name: sheet.name })}</h3>
      <div className="sample-wrap" tabIndex={0} role="region" aria-label={t('mapping.sample')}>
        <table className="sample-table">
          <thead>
            <tr>
              <th scope="col">{t('mapping.number')}</th>
              {Array.from({ length: width }, (_, c) => (
                <th scope="col" key={c}>
                  {columnLetter(c)}
                  {fieldOf.has(c) && <span className="sample-field">{fieldOf.get(c)!.map((x) => sayText(fieldLabel(x))).join(', ')}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((row, i) => {
              const r = Math.max(0, first) + i;
              const isHeader = r >= first && r <= request.headerRow;
              return (
                <tr key={r} className={isHeader ? 'sample-header' : undefined}>
                  <th scope="row">{r + 1}</th>
                  {Array.from({ length: width }, (_, c) => (
                    <td key={c}>{row[c] ?? ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <DialogFooter className="import-actions">
        <button type="button" onClick={props.onBack}>
          {t('back')}
        </button>
        <button type="button" className="primary" onClick={props.onNext} disabled={props.busy || !nameMapped} autoFocus>
          {t('mapping.checkRows')}
        </button>
      </DialogFooter>
    </section>
  );
}

/** No column maps to the municipality: one for the whole file, asked for up front (suggested when something names it). */
function FileMunicipality(props: { loaded: Loaded; value: string; names: string[]; onChange: (v: string) => void }) {
  const { t } = useTranslation('import');
  const s = props.loaded.suggested;
  return (
    <div className="import-ask" role="group" aria-label={t('mapping.noMunicipality')}>
      <SelectField
        inline
        label={t('mapping.fileMunicipality')}
        aria-label={t('mapping.fileMunicipalityLabel')}
        value={props.value}
        onChange={props.onChange}
        placeholder={t('mapping.notSet')}
        options={props.names.map((o) => [o, o] as const)}
      />
      {s && props.value === s.name && (
        <p className="muted import-suggested">{t('mapping.suggested', { source: t(`mapping.from.${s.from}`), text: s.text.slice(0, 80) })}</p>
      )}
      {!props.value && <p className="field-error">{t('mapping.chooseMunicipality')}</p>}
    </div>
  );
}

function FixedInput(props: { field: ImportField; value: string; onChange: (v: string) => void; municipalities: string[]; sections: string[] }) {
  const { t } = useTranslation('import');
  const label = t('mapping.valueFor', { field: sayText(fieldLabel(props.field)) });
  // a category is written into the cells as its Russian label (what the importer reads) and shown in the interface language
  const options: Array<readonly [value: string, shown: string]> | null =
    props.field === 'municipality' ? props.municipalities.map((m) => [m, m] as const)
    : props.field === 'category' ? categories.map((c) => [categoryLabel(c), t(`app:category.${c}`)] as const)
    : props.field === 'section' ? props.sections.map((s) => [s, s] as const)
    : null;
  if (options) {
    return (
      <Select aria-label={label} value={props.value} onChange={props.onChange} placeholder={t('mapping.fromColumn')} options={options} />
    );
  }
  return <input aria-label={label} value={props.value} onChange={(e) => props.onChange(e.target.value)} placeholder={t('mapping.fromColumn')} />;
}
