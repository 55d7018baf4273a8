import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { generateDelegateList, sheetToXlsx, type MunicipalityInput } from '../../shared/generator';
import { AppPage } from './pages/app-page';
import { BackupsSection, chooseFile, firstRunRestoreButton, passphrasePrompt, passphrasePromptError, RestorePreview, typeBackupPassphrase } from './pages/backups-section';
import { DeskPage, deskCacheFiles } from './pages/desk-page';
import { ImportWizardPage } from './pages/import-page';
import { ParticipantsPage } from './pages/participants-page';
import { SettingsPage } from './pages/settings-page';

test('a full backup restored into an empty profile reproduces the data, and the restore can be undone', async ({ page, openDevice }) => {
  // a desk's day: the demo, a check-in, a walk-in
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  const [person] = await desk.someParticipants();
  await desk.checkIn(person!.name);
  await desk.app.goTo('Участники');
  const participants = await desk.app.participantCount();
  expect(participants).toBeGreaterThan(50);

  const backups = new BackupsSection(page);
  await backups.open();
  const file = await backups.downloadFullCopy();
  expect(file.name).toMatch(/^Сход — копия .*\.skhod-backup$/);
  await expect(backups.status).toContainText('Полная копия сохранена');

  // an empty profile: a fresh browser context has its own, empty IndexedDB
  const { page: other } = await openDevice();
  const app = new AppPage(other);
  await app.open();
  await expect(app.openDemoButton).toBeVisible();
  await other.screenshot({ path: 'test-results/screens/backup-first-run.png' });
  await chooseFile(other, firstRunRestoreButton(other), file);

  const restore = new RestorePreview(other);
  const dialog = restore.dialog;
  await expect(dialog).toContainText(`Файл «${file.name}»`);
  await expect(dialog).toContainText('Полная копия, скачанная вручную');
  await expect(dialog).toContainText('(другое устройство)');
  await expect(dialog).toContainText('Сход'); // the demo event's title is in the list of events
  await expect(restore.counts(/^Люди/).nth(1)).toHaveText('0'); // now, in the empty profile
  await expect(restore.counts(/^Отметки прихода/).first()).toHaveText('1');
  await other.screenshot({ path: 'test-results/screens/backup-restore-preview.png' });
  await restore.restore();

  // the page reloads into the restored event
  await expect(app.nav).toBeVisible();
  await app.goTo('Участники');
  expect(await app.participantCount()).toBe(participants);
  const otherDesk = new DeskPage(other);
  await otherDesk.openDesk('Айгуль');
  await otherDesk.search.fill(person!.name);
  await expect(otherDesk.result(person!.name)).toContainText(/Прибыла?/);
  await expect(otherDesk.result(person!.name)).toContainText('Гульнара Р.');
  await expect(otherDesk.arrivedCounter).toHaveText('1');

  // the restore itself is undoable: back to the empty profile
  const otherBackups = new BackupsSection(other);
  await otherBackups.open();
  await expect(otherBackups.row(/Перед восстановлением копии/)).toBeVisible();
  await otherBackups.section.screenshot({ path: 'test-results/screens/backup-section.png' });
  await otherBackups.undoRestoreButton.click();
  await expect(app.openDemoButton).toBeVisible();
});

test('a foreign or damaged file is refused with the reason, and nothing changes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await app.goTo('Участники');
  const participants = await app.participantCount();
  const backups = new BackupsSection(page);
  await backups.open();
  const restoreButton = backups.restoreFromFileButton;

  await chooseFile(page, restoreButton, { name: 'делегаты.skhod-backup', buffer: Buffer.from('Фамилия;Имя\nИванов;Иван\n') });
  await expect(backups.alert).toContainText('Это не резервная копия Схода');

  const good = await backups.downloadFullCopy();
  const damaged = Buffer.from(good.buffer);
  damaged[damaged.length - 40]! ^= 0xff;
  await chooseFile(page, restoreButton, { name: 'копия.skhod-backup', buffer: damaged });
  await expect(backups.alert).toContainText('повреждён');
  await expect(new RestorePreview(page).anyDialog).toHaveCount(0);

  await app.goTo('Участники');
  expect(await app.participantCount()).toBe(participants);
});

test('the backups list shows a backup made now, restorable from the list by keyboard', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  const backups = new BackupsSection(page);
  await backups.open();
  await backups.createNow();
  await expect(backups.status).toContainText('Копия создана');
  const row = backups.row(/Вручную/);
  await expect(row).toBeVisible();
  await expect(backups.size(row)).toHaveText(/\d+(,\d)?\s(КБ|МБ)/);

  await backups.restoreButton(row).focus();
  await page.keyboard.press('Enter');
  const restore = new RestorePreview(page);
  const dialog = restore.dialog;
  await expect(dialog).toContainText('(это устройство)');
  const axe = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // the focus starts on the safe choice; the restore is one Tab away
  await expect(restore.button('Отмена')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(restore.button('Восстановить')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('an import is preceded by a backup, and restoring that backup takes the import back', async ({ page }) => {
  const SIBAY: MunicipalityInput = { name: 'г. Сибай', kind: 'city', region: 'Республика Башкортостан', federalDistrict: 'Приволжский федеральный округ' };
  const list = generateDelegateList({ seed: 5, count: 12, municipalities: [SIBAY], messy: false });
  const participants = new ParticipantsPage(page);
  await participants.openDemo();
  const before = await participants.app.participantCount();

  const wizard = new ImportWizardPage(page);
  await wizard.open();
  await wizard.chooseFile('Сибай — делегаты.xlsx', sheetToXlsx(list));
  await wizard.expectStep('Лист и столбцы');
  await wizard.button('Проверить строки').click();
  await wizard.expectStep('Проверка строк');
  for (let i = 0; i < 3 && !(await wizard.button('Импортировать').isVisible()); i++) await wizard.button('Далее').click();
  await wizard.button('Импортировать').click();
  await wizard.expectStep('Отчёт об импорте');
  await wizard.button('Готово').click();
  await expect.poll(() => participants.app.participantCount()).toBeGreaterThan(before);

  // the import leaves the desk a fresh cache file (names and phones in it)
  await expect.poll(() => deskCacheFiles(page)).toHaveLength(1);
  const backups = new BackupsSection(page);
  await backups.open();
  const row = backups.row(/Перед импортом «Сибай — делегаты\.xlsx»/);
  await expect(row).toBeVisible();
  await backups.restoreButton(row).click();
  const restore = new RestorePreview(page);
  await expect(restore.counts(/^Люди/).first()).toHaveText(String(before));
  await expect(restore.dialog).toContainText('есть изменения, которых нет в копии');
  await restore.restore();

  await expect(backups.undoRestoreButton).toBeVisible();
  expect(await deskCacheFiles(page)).toEqual([]);
  await participants.app.goTo('Участники');
  expect(await participants.app.participantCount()).toBe(before);
});

test('on a desk device a restore needs the organizer PIN', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.app.open();
  await settings.app.openDemoButton.click();
  await settings.open();
  await settings.setOrganizerPin('246813');
  const backups = new BackupsSection(page);
  await backups.createNow();
  await expect(backups.status).toContainText('Копия создана');
  await settings.role('Регистрация (стойка)').click();
  await expect(settings.role('Регистрация (стойка)')).toBeChecked();

  const restore = new RestorePreview(page);
  const dialog = restore.dialog;
  await backups.restoreButton().click();
  await restore.restore();
  await expect(settings.gate).toContainText('Чтобы восстановить данные из резервной копии, введите PIN организатора');
  await settings.enterGatePin('111111');
  await expect(settings.gateError).toContainText('Неверный PIN организатора');
  await settings.cancelGate();
  await expect(settings.gate).toBeHidden();
  // refused: nothing restored, the preview stays open for another try
  await expect(dialog).toBeVisible();
  await expect(backups.undoRestoreButton).toHaveCount(0);

  await restore.restore();
  await settings.enterGatePin('246813');
  // restored: the app reloads and, being a desk, opens at the desk
  await expect(settings.app.areaHeading('Регистрация')).toBeVisible();
  await settings.open();
  await expect(backups.undoRestoreButton).toBeVisible();
  await expect(settings.role('Регистрация (стойка)')).toBeChecked(); // the device keeps its own role
});

test('a copy saved with a passphrase restores in an empty profile only with that passphrase', async ({ page, openDevice }) => {
  test.slow(); // scrypt (128 MiB) runs three times: setting the passphrase, the wrong try, the right one
  const app = new AppPage(page);
  await app.open();
  await app.openDemoButton.click();
  await app.goTo('Участники');
  const participants = await app.participantCount();
  const backups = new BackupsSection(page);
  await backups.open();
  await expect(backups.section).toContainText('Копии, сохранённые в файл, не защищены паролем');

  await backups.startProtecting();
  const dialog = backups.passphraseDialog;
  await expect(dialog).toContainText('Без пароля копию из файла восстановить нельзя');
  await backups.typePassphrase('Агидель весной', 'Агидель весной!');
  await backups.passphraseNoted.check();
  await backups.submitPassphrase();
  await expect(backups.passphraseError).toContainText('Пароли не совпадают');
  await backups.typePassphrase('Агидель весной');
  await dialog.screenshot({ path: 'test-results/screens/backup-passphrase-set.png' });
  await backups.submitPassphrase();
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
  await expect(backups.section).toContainText('Копии в файлах защищены паролем');
  await backups.passphraseGroup.screenshot({ path: 'test-results/screens/backup-passphrase-on.png' });

  const file = await backups.downloadFullCopy();
  await expect(backups.status).toContainText('Полная копия сохранена (защищена паролем)');
  expect(file.buffer.subarray(0, 8).toString('latin1')).toBe('SKHODBK\x02');
  expect(file.buffer.includes(Buffer.from('Сход'))).toBe(false);

  // an empty profile knows no passphrase: the file asks for it
  const { page: other } = await openDevice();
  const otherApp = new AppPage(other);
  await otherApp.open();
  await chooseFile(other, firstRunRestoreButton(other), file);
  const prompt = passphrasePrompt(other);
  await expect(prompt).toContainText(`Файл «${file.name}»`);
  await typeBackupPassphrase(prompt, 'Агидель осенью');
  await expect(passphrasePromptError(other)).toContainText('Неверный пароль резервной копии', { timeout: 30_000 });
  await other.screenshot({ path: 'test-results/screens/backup-passphrase-prompt.png' });
  await expect(otherApp.openDemoButton).toBeVisible(); // nothing restored

  await typeBackupPassphrase(prompt, 'Агидель весной');
  const preview = new RestorePreview(other);
  await expect(preview.dialog).toContainText('Полная копия, скачанная вручную', { timeout: 30_000 });
  await expect(prompt).toHaveCount(0);
  await preview.restore();
  await expect(otherApp.nav).toBeVisible();
  await otherApp.goTo('Участники');
  expect(await otherApp.participantCount()).toBe(participants);
});
