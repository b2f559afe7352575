export function crc32(buf: Uint8Array): number;
export function dosDateTime(date: Date): { time: number; date: number };
export function zipBuffer(entries: { name: string; data: Buffer }[], options?: { date?: Date }): Buffer;
export function entriesOf(dir: string): Promise<{ name: string; data: Buffer }[]>;
export function unzipBuffer(buf: Buffer): { name: string; data: Buffer }[];
