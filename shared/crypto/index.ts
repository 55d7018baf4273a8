/**
 * The project's one crypto module (WebCrypto only, pure): base64url, SHA-256 and HMAC, random secrets,
 * ECDSA P-256 device keys and signatures. Contest, sync, trust, projects and backups import it from here.
 */
export {
  equalBytes,
  exportPublicKey,
  fromBase64Url,
  generateDeviceKey,
  hmacSha256,
  importPublicKey,
  randomSecret,
  sha256Hex,
  signBytes,
  toBase64Url,
  verifyBytes,
} from './signatures';
