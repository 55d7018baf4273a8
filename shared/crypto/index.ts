/**
 * The project's one crypto module (WebCrypto only, pure): base64url, SHA-256 and HMAC, random secrets,
 * ECDSA P-256 device keys and signatures. Contest, sync, trust, projects and the renderer's repositories import it from here.
 */
export { fromBase64Url, toBase64Url } from './encoding';
export { equalBytes, hmacSha256, randomSecret, sha256Hex } from './hashing';
export { exportPublicKey, generateDeviceKey, importPublicKey, signBytes, verifyBytes } from './signatures';
