// Electron fuses flipped in every packed build (after-pack.cjs) and read back by the packing test.
// SECURITY: each of these closes a way to run code inside the signed app other than our own.
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

const fuseConfig = {
  version: FuseVersion.V1,
  // fail the build if a future Electron adds a fuse we have not decided on
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain node
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS=--require evil.js
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect attaches a debugger
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true, // macOS and Windows check app.asar's hash
  [FuseV1Options.OnlyLoadAppFromAsar]: true, // no app folder next to the asar
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // file:// is not special; we use app://
};

module.exports = { fuseConfig };
