/** Step 1: what the import takes, and the one button that opens a file. */
export function StepFile({ busy, onPick }: { busy: boolean; onPick: () => void }) {
  return (
    <section className="import-step" aria-label="Выбор файла">
      <p>
        Выберите список делегатов — как его прислал район: <b>.xlsx</b>, <b>.xls</b>, <b>.ods</b> или <b>.csv</b> (UTF-8 или Windows-1251, разделитель «;», «,» или табуляция).
        Строки с названием списка, пустые строки и «Итого» пропускаются; заголовок может занимать две строки.
      </p>
      <p className="muted">
        Файл читается отдельно от программы, с ограничениями по размеру и времени. До нажатия «Импортировать» в базе ничего не меняется; импорт записывается целиком или не записывается совсем.
      </p>
      <p className="muted">Заполненный шаблон района (кнопка «Шаблон» в разделе «Делегации») загружается так же: строки сопоставятся по скрытому ключу.</p>
      <div className="dialog-actions import-actions">
        <button type="button" className="primary" onClick={onPick} disabled={busy} autoFocus>
          Выбрать файл…
        </button>
      </div>
    </section>
  );
}
