import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { applyButton, appliedNote, openExchangeFile, receiveEvent, saveEnrolmentFile, saveExchangeFile } from './pages/exchange-page';
import { ParticipantsPage } from './pages/participants-page';
import { SettingsPage } from './pages/settings-page';

/**
 * A modified desk: changes written straight into its change log, in its own name, as a tampered build
 * would — a contest score and a new organizer PIN. Its next exchange file signs them as its own.
 */
async function tamperDeskLog(page: Page) {
  await page.evaluate(async () => {
    const eventId = (JSON.parse(localStorage.getItem('skhod.ui') ?? '{}') as { state?: { eventId?: string } }).state?.eventId;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('skhod');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const read = <T,>(store: string, key: string) =>
      new Promise<T>((resolve) => {
        const r = db.transaction(store).objectStore(store).get(key);
        r.onsuccess = () => resolve(r.result as T);
      });
    const device = (await read<{ value: string }>('settings', 'device.id')).value;
    const stamp = (n: number) => `${String(Date.now() + 60_000).padStart(15, '0')}-0000${n}-${device}`;
    const tx = db.transaction('changes', 'readwrite');
    tx.objectStore('changes').put({ hlc: stamp(1), device, table: 'scores', rowId: 'j1|a1', op: 'put', fields: { id: 'j1|a1', contestId: 'c1', jurorId: 'j1', applicationId: 'a1', values: { c1: 10 } } });
    tx.objectStore('changes').put({ hlc: stamp(2), device, table: 'events', rowId: eventId, op: 'put', fields: { organizerPin: { algo: 'pbkdf2-sha256', iterations: 1, salt: '00', hash: '00', setAt: new Date().toISOString(), setBy: device } } });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
}

test('organizer, a desk enrolled from a file and a district office: the desk’s forged score and PIN are refused with reasons; check-ins and district edits merge', async ({ newDevice }) => {
  const [org, desk, district] = await Promise.all([newDevice(), newDevice(), newDevice()]);

  await org.openWithDemo('Организатор');
  const people = await org.someParticipants();
  const settings = new SettingsPage(org.page);
  await settings.open();
  await settings.setOrganizerPin('246813');
  const deskFile = await saveEnrolmentFile(org.page, 'Регистрация (стойка)', 'Стойка 1');
  const districtFile = await saveEnrolmentFile(org.page, 'Район', 'Бирский район');

  // the desk joins as a desk: it opens at Регистрация and has no organizer areas
  await receiveEvent(desk, deskFile);
  await expect(desk.app.areaButton('Конкурс')).toHaveCount(0);
  await desk.openDesk('Булат');
  await desk.checkIn(people[0]!.name);

  // the district office joins as «Район» and corrects a phone
  await receiveEvent(district, districtFile, /Район/);
  const p = new ParticipantsPage(district.page);
  await district.app.goTo('Участники');
  await p.findByName(people[1]!.name);
  await p.row(people[1]!.name).first().click();
  await p.cardField('Телефон').fill('8 917 555 44 33');
  await p.saveCard();
  await expect(p.card()).toBeHidden();

  await tamperDeskLog(desk.page);
  const fromDesk = await saveExchangeFile(desk.page);
  const fromDistrict = await saveExchangeFile(district.page);

  const preview = await openExchangeFile(org.page, fromDesk);
  await expect(preview).toContainText('Стойка 1 — Регистрация (стойка)');
  await expect(preview).toContainText('отметки прихода: 1');
  await expect(preview).toContainText('Не будет принято: 2');
  await expect(preview).toContainText('оценки — роль автора, выданная организатором, не позволяет менять эти данные: 1');
  await expect(preview).toContainText('мероприятия — роль автора, выданная организатором, не позволяет менять эти данные: 1');
  await org.page.screenshot({ path: 'test-results/screens/exchange-refused.png', fullPage: true });
  await applyButton(org.page).click();
  await expect(appliedNote(org.page)).toContainText('отклонено — 2');

  const fromDistrictPreview = await openExchangeFile(org.page, fromDistrict);
  await expect(fromDistrictPreview).toContainText('Бирский район — Район');
  await expect(fromDistrictPreview).not.toContainText('Не будет принято');
  await applyButton(org.page).click();
  await expect(appliedNote(org.page)).toBeVisible();

  // the check-in and the phone are there; the organizer PIN is still the organizer's
  await org.backToDesk();
  await expect(org.arrivedCounter).toHaveText('1');
  const orgParticipants = new ParticipantsPage(org.page);
  await org.app.goTo('Участники');
  await orgParticipants.findByName(people[1]!.name);
  await orgParticipants.row(people[1]!.name).first().click();
  await expect(orgParticipants.cardField('Телефон')).toHaveValue('+7 917 555-44-33');
});
