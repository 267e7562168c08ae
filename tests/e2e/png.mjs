// A tiny PNG decoder (8-bit greyscale/RGB/RGBA, non-interlaced: what Chromium's screenshots are)
// and the "is this picture blank?" measures the browser tests use. Node built-ins only.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Returns {width, height, channels, pixels}: pixels is a Buffer of width*height*channels bytes.
export function decodePng(buf) {
    if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
    let pos = 8, width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
    const idat = [];
    while (pos < buf.length) {
        const len = buf.readUInt32BE(pos);
        const type = buf.toString('latin1', pos + 4, pos + 8);
        const data = buf.subarray(pos + 8, pos + 8 + len);
        pos += 12 + len;
        if (type === 'IHDR') {
            width = data.readUInt32BE(0);
            height = data.readUInt32BE(4);
            bitDepth = data[8];
            colorType = data[9];
            interlace = data[12];
        } else if (type === 'IDAT') {
            idat.push(data);
        } else if (type === 'IEND') {
            break;
        }
    }
    const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
    if (bitDepth !== 8 || !channels || interlace !== 0)
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * channels;
    if (raw.length < height * (stride + 1)) throw new Error('PNG data too short');
    const out = Buffer.alloc(height * stride);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        const row = y * stride, prev = row - stride;
        for (let x = 0; x < stride; x++) {
            const a = x >= channels ? out[row + x - channels] : 0;
            const b = y > 0 ? out[prev + x] : 0;
            const c = x >= channels && y > 0 ? out[prev + x - channels] : 0;
            let v = src[x];
            switch (filter) {
                case 0: break;
                case 1: v += a; break;
                case 2: v += b; break;
                case 3: v += (a + b) >> 1; break;
                case 4: {
                    const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
                    v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    break;
                }
                default: throw new Error(`bad PNG filter ${filter} on row ${y}`);
            }
            out[row + x] = v & 0xff;
        }
    }
    return { width, height, channels, pixels: out };
}

// Colour statistics of a rectangle (default: the whole image): how many distinct colours, the share
// of pixels that differ from the most common colour, and the standard deviation of luminance.
export function imageStats(img, rect = { x: 0, y: 0, w: img.width, h: img.height }) {
    const counts = new Map();
    let sum = 0, sumSq = 0, n = 0;
    for (let y = rect.y; y < rect.y + rect.h; y++) {
        for (let x = rect.x; x < rect.x + rect.w; x++) {
            const i = (y * img.width + x) * img.channels;
            const r = img.pixels[i], g = img.channels >= 3 ? img.pixels[i + 1] : r, b = img.channels >= 3 ? img.pixels[i + 2] : r;
            const key = (r << 16) | (g << 8) | b;
            counts.set(key, (counts.get(key) || 0) + 1);
            const lum = 0.299 * r + 0.587 * g + 0.114 * b;
            sum += lum; sumSq += lum * lum; n++;
        }
    }
    let dominant = 0;
    for (const c of counts.values()) dominant = Math.max(dominant, c);
    const mean = sum / n;
    return {
        distinctColors: counts.size,
        nonDominantShare: 1 - dominant / n,
        lumStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
    };
}

// Throws unless the picture shows something: many colours (anti-aliased text), a fair share of
// pixels off the background colour, and content in most horizontal bands (not only a menu bar).
export function assertNotBlank(pngBuffer, label, { bands = 4, minBandsWithContent = 3 } = {}) {
    const img = decodePng(pngBuffer);
    const all = imageStats(img);
    const problems = [];
    if (all.distinctColors < 32) problems.push(`only ${all.distinctColors} distinct colours`);
    if (all.nonDominantShare < 0.02) problems.push(`only ${(all.nonDominantShare * 100).toFixed(2)}% of pixels off the background`);
    if (all.lumStdDev < 4) problems.push(`luminance std dev ${all.lumStdDev.toFixed(2)}`);
    let withContent = 0;
    const bandH = Math.floor(img.height / bands);
    for (let k = 0; k < bands; k++) {
        const s = imageStats(img, { x: 0, y: k * bandH, w: img.width, h: bandH });
        if (s.distinctColors >= 8 && s.nonDominantShare >= 0.005) withContent++;
    }
    if (withContent < minBandsWithContent) problems.push(`content in only ${withContent} of ${bands} horizontal bands`);
    if (problems.length) throw new Error(`${label} looks blank (${img.width}x${img.height}): ${problems.join('; ')}`);
    return { width: img.width, height: img.height, ...all, bandsWithContent: withContent };
}
