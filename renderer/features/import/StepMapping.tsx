import { categories } from '../../../shared/domain/types';
import { columnLetter } from '../../../shared/import/errors';
import { FIELD_LABELS } from '../../../shared/import/records';
import { importFields, type CsvDelimiter, type ImportField, type TextEncoding } from '../../../shared/import/types';
import { categoryLabel } from './categories';
import type { Loaded } from './wizard-types';
import { fixableFields, initialRequest } from './session';
import type { AnalyzeRequest, CsvOverrides } from './worker-protocol';

const SAMPLE_ROWS = 8;
// when the guess was wrong (the sample shows «РђР»РёСЏ» or one long column), the user picks
const ENCODINGS: ReadonlyArray<readonly [TextEncoding, string]> = [
  ['utf-8', 'UTF-8'],
  ['utf-8-bom', 'UTF-8 с BOM'],
  ['windows-1251', 'Windows-1251 (Кириллица)'],
  ['utf-16le', 'UTF-16 (Юникод из Excel)'],
];
const DELIMITERS: ReadonlyArray<readonly [CsvDelimiter, string]> = [
  [';', 'точка с запятой «;»'],
  [',', 'запятая «,»'],
  ['\t', 'табуляция'],
];
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
    <section className="import-step" aria-label="Лист и столбцы">
      {reply.notice && (
        <p className="import-notice" role="status">
          {reply.notice.message}
        </p>
      )}
      {request.keyColumn !== undefined && (
        <p className="import-notice" role="status">
          Это заполненный шаблон района: строки с ключом сопоставятся со своими регистрациями, даже если в них исправлены ФИО.
        </p>
      )}
      {request.mapping.municipality === undefined && <FileMunicipality loaded={loaded} value={request.fixed.municipality ?? ''} names={municipalities.map((m) => m.name)} onChange={(v) => setFixed('municipality', v)} />}
      <div className="field-row">
        {reply.format === 'csv' && (
          <>
            <label className="field">
              <span>Кодировка</span>
              <select value={reply.encoding ?? ''} onChange={(e) => props.onCsv({ ...loaded.csv, encoding: e.target.value as TextEncoding })} disabled={props.busy}>
                {ENCODINGS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Разделитель</span>
              <select value={reply.delimiter ?? ';'} onChange={(e) => props.onCsv({ ...loaded.csv, delimiter: e.target.value as CsvDelimiter })} disabled={props.busy}>
                {DELIMITERS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {reply.sheets.length > 1 && (
          <label className="field">
            <span>Лист</span>
            <select value={request.sheet} onChange={(e) => onChange({ ...initialRequest(reply, Number(e.target.value), base), fixed: request.fixed })}>
              {reply.sheets.map((s, i) => (
                <option key={i} value={i}>
                  {s.name}
                  {s.hidden ? ' (скрытый)' : ''} — строк: {s.rowCount}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Строка заголовка</span>
          <select value={request.headerRow} onChange={(e) => onChange({ ...initialRequest(reply, request.sheet, base, Number(e.target.value)), fixed: request.fixed })}>
            {sheet.head.slice(0, 30).map((row, r) => (
              <option key={r} value={r}>
                {r + 1}: {row.filter(Boolean).join(' | ').slice(0, 70) || '(пустая)'}
                {r === sheet.headerRow && sheet.headerRows === 2 ? ' (вместе со строкой выше)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="mapping-grid" role="group" aria-label="Соответствие полей и столбцов">
        <span className="mapping-head">Поле</span>
        <span className="mapping-head">Столбец файла</span>
        <span className="mapping-head">или значение для всего листа</span>
        {importFields.map((f) => (
          <div key={f} className="mapping-row">
            <span className="mapping-label">{FIELD_LABELS[f]}</span>
            <select aria-label={`Столбец для поля «${FIELD_LABELS[f]}»`} value={request.mapping[f] ?? ''} onChange={(e) => setColumn(f, e.target.value)}>
              <option value="">— не загружать —</option>
              {Array.from({ length: width }, (_, c) => (
                <option key={c} value={c}>
                  {columnLetter(c)}: {(request.headers[c] ?? '').trim().slice(0, 50) || '(без заголовка)'}
                </option>
              ))}
            </select>
            {fixableFields.includes(f) ? (
              <FixedInput field={f} value={request.fixed[f] ?? ''} onChange={(v) => setFixed(f, v)} municipalities={municipalities.map((m) => m.name)} sections={sections.map((s) => s.title)} />
            ) : (
              <span />
            )}
          </div>
        ))}
      </div>
      {!nameMapped && <p className="field-error">Укажите столбец «ФИО» или «Фамилия» — без него строки не загрузить.</p>}

      <h3 className="import-subhead">Первые строки листа «{sheet.name}»</h3>
      <div className="sample-wrap" tabIndex={0} role="region" aria-label="Первые строки листа">
        <table className="sample-table">
          <thead>
            <tr>
              <th scope="col">№</th>
              {Array.from({ length: width }, (_, c) => (
                <th scope="col" key={c}>
                  {columnLetter(c)}
                  {fieldOf.has(c) && <span className="sample-field">{fieldOf.get(c)!.map((x) => FIELD_LABELS[x]).join(', ')}</span>}
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

      <div className="dialog-actions import-actions">
        <button type="button" onClick={props.onBack}>
          Назад
        </button>
        <button type="button" className="primary" onClick={props.onNext} disabled={props.busy || !nameMapped} autoFocus>
          Проверить строки
        </button>
      </div>
    </section>
  );
}

const FROM: Record<NonNullable<Loaded['suggested']>['from'], string> = { title: 'заголовку листа', file: 'имени файла', organization: 'организациям в списке' };

/** No column maps to the municipality: one for the whole file, asked for up front (suggested when something names it). */
function FileMunicipality(props: { loaded: Loaded; value: string; names: string[]; onChange: (v: string) => void }) {
  const s = props.loaded.suggested;
  return (
    <div className="import-ask" role="group" aria-label="Нет столбца «Муниципалитет»">
      <label className="inline-field">
        <span>В файле нет столбца «Муниципалитет». Муниципалитет для всего файла:</span>
        <select aria-label="Муниципалитет для всего файла" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">— не указан —</option>
          {props.names.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      {s && props.value === s.name && (
        <p className="muted import-suggested">
          Предложен по {FROM[s.from]}: «{s.text.slice(0, 80)}». Проверьте.
        </p>
      )}
      {!props.value && <p className="field-error">Выберите муниципалитет: без него участники не попадут в «Делегации» и отчёты по районам.</p>}
    </div>
  );
}

function FixedInput(props: { field: ImportField; value: string; onChange: (v: string) => void; municipalities: string[]; sections: string[] }) {
  const label = `Одно значение поля «${FIELD_LABELS[props.field]}» для всего листа`;
  const options = props.field === 'municipality' ? props.municipalities : props.field === 'category' ? categories.map(categoryLabel) : props.field === 'section' ? props.sections : null;
  if (options) {
    return (
      <select aria-label={label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">— из столбца —</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  return <input aria-label={label} value={props.value} onChange={(e) => props.onChange(e.target.value)} placeholder="— из столбца —" />;
}
