/**
 * Enrolling test devices the way the app does: the organizer makes an enrolment file for a role, the
 * new device opens it (claims the offer with its own key), takes the role, and applies the event.
 */
import type { DeviceRole } from '../../../../shared/domain/types';
import { readEnrolmentFile } from '../../../../shared/trust/enrolment-file';
import type { DbContext } from '../../../../renderer/db/context';
import { applyExchange, previewExchange } from '../../../../renderer/db/repo/exchange-apply';
import { exportEnrolment } from '../../../../renderer/db/repo/exchange-export';
import { acceptEnrolmentFile } from '../../../../renderer/db/repo/trust';

/** Enrols `dev` in the organizer's event with `role`; `dev.device.role` follows, as the app's LiveDevice does. */
export async function enrol(org: DbContext, dev: DbContext, eventId: string, role: DeviceRole, apply = false): Promise<DbContext> {
  const file = await readEnrolmentFile((await exportEnrolment(org, eventId, role, dev.device.name)).bytes);
  await acceptEnrolmentFile(dev, file);
  dev.device = { ...dev.device, role };
  if (apply) await applyExchange(dev, (await previewExchange(dev, file.exchange, null)).file);
  return dev;
}
