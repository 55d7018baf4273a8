/** The access-code prompt of sealed packages (renderer/components/AccessCodePrompt.tsx). */
const accessCode = {
  title: 'Введите код доступа',
  submit: 'Открыть пакет',
  lead: 'Пакет «{{name}}» зашифрован. Введите код доступа — организатор сообщает его отдельно от файла, например по телефону.',
  label: 'Код доступа',
  hint: '16 знаков, например 7K3M-Q9XA-4TPD-W2HB. Регистр, пробелы и дефисы не важны.',
  empty: 'Введите код доступа — 16 знаков, которые сообщил организатор.',
};
export default accessCode;
