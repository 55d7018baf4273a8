import { describe, expect, it } from 'vitest';
import { createSigner, generateDeviceKeys } from '../../../../shared/sync/signing';
import { signBatch, verifyBatches } from '../../../../shared/trust/batches';
import { claimOffer, makeOffer, readOffer, verifyEnrolment, type Enrolment } from '../../../../shared/trust/enrolment';
import { buildEnrolmentFile, readEnrolmentFile } from '../../../../shared/trust/enrolment-file';
import { EVENT, makeSite, put } from './fixtures';

describe('enrolment', () => {
  it('verifies a direct (hub) and a file enrolment against the root, with the role the root gave', async () => {
    const site = await makeSite();
    const desk = await site.enrol('desk-1', 'desk', 'offer');
    const hub = await site.enrol('desk-2', 'district', 'direct');
    expect(await verifyEnrolment(site.root, desk.enrolment)).toMatchObject({ deviceId: 'desk-1', publicKey: desk.signer.publicKey, role: 'desk' });
    expect(await verifyEnrolment(site.root, hub.enrolment)).toMatchObject({ deviceId: 'desk-2', role: 'district' });
  });

  it('refuses an enrolment of another root, of another event, with a claim made without the secret, or with the role edited', async () => {
    const site = await makeSite();
    const other = await makeSite('event-b');
    const desk = await site.enrol('desk-1', 'desk');
    expect(await verifyEnrolment(other.root, desk.enrolment)).toBeNull();
    expect(await verifyEnrolment({ ...site.root, eventId: 'event-b' }, desk.enrolment)).toBeNull();
    // a claim signed by a key of one's own, not the offer's secret
    const { offer } = await makeOffer(site.organizer.signer, EVENT, 'desk', 'Стойка', '2026-12-01T09:00:00.000Z');
    const { secret: wrongSecret } = await makeOffer(site.organizer.signer, EVENT, 'desk', 'x', '2026-12-01T09:00:00.000Z');
    const forgedClaim = await claimOffer(offer, wrongSecret, { deviceId: 'x', publicKey: desk.signer.publicKey, name: 'x' });
    expect(await verifyEnrolment(site.root, forgedClaim)).toBeNull();
    const e = desk.enrolment as Extract<Enrolment, { offer: unknown }>;
    const promoted = { ...e, offer: { ...e.offer, body: e.offer.body.replace('"role":"desk"', '"role":"organizer"') } };
    expect(await verifyEnrolment(site.root, promoted)).toBeNull();
  });

  it('an enrolment file opens with its role and label, and an edited one is refused', async () => {
    const site = await makeSite();
    const { offer, secret } = await makeOffer(site.organizer.signer, EVENT, 'district', 'Бирский район', '2026-12-01T09:00:00.000Z');
    const bytes = buildEnrolmentFile({ eventTitle: 'Конференция', root: site.root, offer, secret, eventKey: site.eventKey, createdAt: '2026-12-01T09:00:00.000Z' }, new Uint8Array([1, 2, 3]));
    const file = await readEnrolmentFile(bytes);
    expect([file.role, file.label, [...file.exchange]]).toEqual(['district', 'Бирский район', [1, 2, 3]]);
    expect(await readOffer(site.root, offer)).toMatchObject({ role: 'district' });
    const promoted = { ...offer, body: offer.body.replace('"role":"district"', '"role":"organizer"') };
    const edited = buildEnrolmentFile({ ...file.manifest, offer: promoted }, file.exchange);
    await expect(readEnrolmentFile(edited)).rejects.toThrow(/Подпись организатора/);
  });

  it('a batch signed by another key under a device’s id and enrolment is refused as bad-signature; the real one passes', async () => {
    const site = await makeSite();
    const desk = await site.enrol('desk-1', 'desk');
    const mine = put('desk-1', 1, 'people', 'p1', { surname: 'Иванова' });
    const batch = await signBatch(desk.signer, EVENT, [mine], desk.enrolment);
    const thief = await createSigner('desk-1', await generateDeviceKeys()); // same id, its own key
    const stolen = await signBatch(thief, EVENT, [mine], desk.enrolment);
    const r = await verifyBatches(site.root, [batch, stolen]);
    expect(r.accepted.map((b) => b.changes.length)).toEqual([1]);
    expect(r.refused.map((x) => x.reason)).toEqual(['bad-signature']);
  });
});
