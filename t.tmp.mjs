import * as X from 'xlsx';
import zlib from 'node:zlib';
const rows=[]; for(let i=0;i<200000;i++) rows.push(`<row r="${i+1}"><c r="A${i+1}" t="s"><v>${i}</v></c></row>`);
const xml='<?xml version="1.0"?><worksheet><dimension ref="A1:K200000"/><sheetData>'+rows.join('')+'</sheetData></worksheet>';
const comp=zlib.deflateRawSync(Buffer.from(xml));
console.log(xml.length, comp.length);
const prefix=new Uint8Array(comp.subarray(0, 4096));
const t=performance.now();
try { const out=X.CFB.utils._inflateRaw(Object.assign(prefix,{l:0}), 65536); console.log(out.length, Buffer.from(out).toString('latin1',0,120), performance.now()-t);} catch(e){console.log('err',e.message)}
