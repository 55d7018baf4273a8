/** What the LAN hub says (electron/hub): refusals to a desk, the desk's connection failures, start-up refusals — in English. */
import type { Locale } from '../shape';
import type ru from '../ru/hubLink';

const en: Locale<typeof ru> = {
  badRequest: 'The hub did not understand the request. Update Skhod on this device to the same version as on the hub.',
  wrongPin: 'Wrong PIN. Check the six digits on the hub’s screen and enter them again.',
  tooManyAttempts: 'Too many attempts to connect to the hub. Wait {{seconds}} s and enter the PIN from the hub’s screen.',
  selfPair: 'This device is itself the hub — it does not need to connect to itself.',
  pairingRefused: 'The hub’s operator did not allow this device to connect. If this is a mistake, connect again and ask them to press «Allow».',
  pairingExpired: 'The connection request has expired or the hub was restarted. Connect again: enter the address and the PIN from the hub’s screen.',
  unauthorized: 'The hub does not know this device: it is not connected or was disconnected on the hub. Connect again — enter the hub’s address and the PIN from its screen.',
  replay: 'The hub has already received this request — the repeat was refused. Synchronization continues with the next request.',
  foreignKey: 'The data is signed with a key other than the one this device gave the hub when connecting. Connect to the hub again; until then, exchange files.',
  wrongEvent: 'The hub works with the event «{{title}}», but another one is open on this device. Open «{{title}}» (if it is not here, get it as an exchange file from the organizer).',
  busy: 'The hub is busy with other desks’ data. Synchronization will repeat in a few seconds.',
  notFound: 'The hub has no such address. Check that you entered the address of a Skhod hub, not of another program.',
  internal: 'An error occurred on the hub. Synchronization will repeat; if the error persists, pass the data as a file.',
  tooLarge: 'The data is too large to pass through the hub. Pass it as an exchange file (the «Exchange» section).',
  tooSlow: 'The data reached the hub too slowly. Check the network; synchronization will repeat by itself.',
  tooComplex:
    'The device’s data is too complex for one event (too many elements or too deeply nested). The hub did not accept it; pass the data as an exchange file and check the device.',
  notServing:
    'The hub is running, but Skhod with the «Exchange» section is not open on it — nobody can accept the data. Open Skhod on the hub computer; until then, exchange files.',
  processingTimeout: 'The hub did not finish processing the data in time. Synchronization will repeat by itself; if this keeps happening, pass the data as a file.',
  stopped: 'The hub has stopped.',
  client: {
    unreachable:
      'No connection to the hub {{address}}. Check that Skhod is running on the hub and the hub is on, and that both computers are on the same network. While there is no connection, exchange files.',
    wrongHub:
      'The hub answering at {{address}} is not the one whose code was compared when connecting (or the hub was reinstalled). The data was not sent. Check the address; if the hub really is new, disconnect from the hub and connect again, comparing the code.',
    noAnswer: 'The hub {{address}} did not answer in time. Synchronization will repeat by itself.',
    answerTooLarge: 'The hub’s answer is too large. Pass the data as an exchange file.',
    notAHub: 'What answers at {{address}} is not a Skhod hub (code {{status}}). Check the address on the hub’s screen.',
    unclear: 'The hub {{address}} gave an answer that was not understood. Update Skhod on both devices to the same version.',
    noCertificate: 'The hub {{address}} did not present a certificate. Update Skhod on both devices to the same version.',
  },
  desk: {
    oldLink:
      'The connection to the hub is now encrypted, and a connection made by an earlier version of Skhod no longer works. Connect to the hub again: enter the address and the PIN from its screen and compare the codes.',
    badAddress: 'The hub address is written incorrectly. Enter it as shown on the hub’s screen, for example 192.168.1.10:47800.',
    notStarted: 'Connecting has not started or was already cancelled. Enter the hub’s address and PIN again.',
    cancelled: 'Connecting was cancelled.',
    notApproved: 'The hub’s operator never pressed «Allow». Connect again when they are at the hub’s screen.',
    notPaired: 'This device is not connected to a hub. Enter the hub’s address and the PIN from its screen.',
    wrongEvent: 'The hub works with the event «{{title}}», but another one is open here. Open «{{title}}» to synchronize.',
  },
  host: {
    pairedAsDesk: 'This device is connected to a hub as a desk. First disconnect it from the hub, then start your own hub here.',
    portBusy: 'Port {{port}} is already taken by another program (or a second hub). Choose another port, for example {{next}}.',
    portDenied: 'The system does not allow taking port {{port}}. Choose a port from 1024 to 65535, for example {{suggested}}.',
    addressGone: 'This computer no longer has the address {{address}} (the network changed). Choose the network again.',
    notOurAddress: 'The address {{address}} does not belong to this computer. Choose a network from the list.',
    noNetwork: 'The computer is not connected to a network. Connect it to the venue’s Wi-Fi or cable and start the hub again.',
    approvalGone: 'This connection request no longer exists (it expired or the hub was restarted). Ask the desk to connect again.',
    hubRunning: 'A hub is running on this device. Stop it to connect to another hub as a desk.',
  },
};
export default en;
