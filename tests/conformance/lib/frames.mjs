// Reads frame recordings in the fixture JSONL format: one {t, dir, conn, raw} per line, where
// dir is "C>S" (client sent), "S>C" (server sent), "open" or "close".
import { readFileSync } from 'node:fs';

export function readJsonl(file) {
    const out = [];
    const text = readFileSync(file, 'utf8');
    let n = 0;
    for (const line of text.split('\n')) {
        n++;
        if (!line.trim()) continue;
        let rec;
        try {
            rec = JSON.parse(line);
        } catch (e) {
            throw new Error(`${file}:${n}: not JSON: ${e.message}`);
        }
        if (typeof rec.raw === 'string' && (rec.dir === 'C>S' || rec.dir === 'S>C')) {
            try {
                rec.msg = JSON.parse(rec.raw);
            } catch {
                rec.msg = null; // garbage frame (e.g. the emulator's "garbage" action)
            }
        }
        rec.line = n;
        rec.file = file;
        out.push(rec);
    }
    return out;
}

export const clientFrames = (frames) => frames.filter((f) => f.dir === 'C>S' && f.msg);
export const serverFrames = (frames) => frames.filter((f) => f.dir === 'S>C' && f.msg);
