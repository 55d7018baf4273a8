/**
 * Limits on a desk's file after it is inflated, checked by a plain byte scan BEFORE JSON.parse builds
 * anything: a paired desk (or whoever stole its key) can post 240 KB that inflates to hundreds of MB
 * of nested arrays, and parsing that is what stalled the organizer's app for 19 s at 4.4 GB.
 *
 * What a real hub round needs (tests/bench/hub-round.bench.ts prints it): the full first sync of the
 * 5,000-person demo event is 819 KiB of gzip, 5.33 MiB of JSON with 194,377 values, nested 5 deep.
 * The caps are about three times that (an event of some 15,000 people still syncs whole; a larger one
 * syncs by file), and nothing like a bomb gets through.
 */
import { ExchangeError } from '../../shared/sync/exchange-file';
import { said } from '../../shared/text/said';

/** Inflated JSON of one hub request. */
export const MAX_HUB_JSON_BYTES = 16 * 1024 * 1024;
/** Arrays, objects and values (strings, numbers, literals) in one request. */
export const MAX_HUB_JSON_ELEMENTS = 600_000;
/** Nesting of arrays and objects. */
export const MAX_HUB_JSON_DEPTH = 16;

export type JsonLimits = { maxElements: number; maxDepth: number };

export const HUB_JSON_LIMITS: JsonLimits = { maxElements: MAX_HUB_JSON_ELEMENTS, maxDepth: MAX_HUB_JSON_DEPTH };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;

export const TOO_COMPLEX = said('hubLink:tooComplex');

/**
 * Counts containers and values and tracks nesting, skipping string contents. Throws ExchangeError
 * ('corrupt', TOO_COMPLEX) at the first limit crossed, so a bomb costs one pass over its bytes.
 * Not a validator: malformed JSON that passes the count is left to JSON.parse.
 */
export function checkJsonShape(json: Uint8Array, limits: JsonLimits = HUB_JSON_LIMITS): void {
  let depth = 0;
  // every container and every comma starts a value; a non-empty scalar document is one more
  let elements = 1;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const b = json[i]!;
    if (inString) {
      if (b === BACKSLASH) i += 1;
      else if (b === QUOTE) inString = false;
      continue;
    }
    if (b === QUOTE) inString = true;
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      depth += 1;
      elements += 1;
      if (depth > limits.maxDepth) throw new ExchangeError('corrupt', TOO_COMPLEX);
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth -= 1;
    else if (b === COMMA) elements += 1;
    else continue;
    if (elements > limits.maxElements) throw new ExchangeError('corrupt', TOO_COMPLEX);
  }
}
