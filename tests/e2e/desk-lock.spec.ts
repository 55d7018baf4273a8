import { expect, test } from '@playwright/test';
import { DeskPage } from './pages/desk-page';

test('the desk locks with a PIN chosen on the first lock, hides the list, and opens only with that PIN', async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.openWithDemo();
  await desk.lock();
  await expect(desk.lockedHeading).toBeVisible();
  await expect(desk.search).toHaveCount(0);

  const newPin = desk.lockPin('Новый PIN');
  await expect(newPin).toBeFocused();
  await newPin.fill('12');
  await page.keyboard.press('Enter');
  await expect(newPin).toHaveAttribute('aria-invalid', 'true');
  await expect(desk.lockAlert).toContainText('PIN');

  await newPin.fill('481516');
  await page.keyboard.press('Enter');
  const pin = desk.lockPin('PIN');
  await pin.fill('0000');
  await page.keyboard.press('Enter');
  await expect(desk.lockAlert).toHaveText('Неверный PIN');
  await expect(desk.search).toHaveCount(0);

  await pin.fill('481516');
  await page.keyboard.press('Enter');
  await expect(desk.search).toBeVisible();
});
