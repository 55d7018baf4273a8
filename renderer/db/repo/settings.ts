import { hashPin } from '../../../shared/security/pin';
import type { DbContext } from '../context';

// Device-local settings: they describe this device, not the event, and are not change-logged.
const DESK_PIN = 'desk.pinHash';

export async function hasDeskPin(ctx: DbContext): Promise<boolean> {
  return (await ctx.db.settings.get(DESK_PIN)) !== undefined;
}

export async function setDeskPin(ctx: DbContext, pin: string): Promise<void> {
  await ctx.db.settings.put({ key: DESK_PIN, value: await hashPin(pin, ctx.device.id) });
}

export async function checkDeskPin(ctx: DbContext, pin: string): Promise<boolean> {
  const saved = await ctx.db.settings.get(DESK_PIN);
  return saved !== undefined && saved.value === (await hashPin(pin, ctx.device.id));
}
