export interface Chunk {
  code: string;
  /** chunks this one imports statically (and the loader's getURL import: it always runs) */
  statics: string[];
  /** chunks this one imports with import(): loaded only when that code path runs */
  dynamics: string[];
}
export type PageKindLoad = 'entry' | 'article' | 'profile' | 'whole';
export function readGraph(dir: string): { graph: Map<string, Chunk>; roots: string[] };
export function closure(graph: Map<string, Chunk>, starts: readonly string[]): Set<string>;
export function gzipOf(graph: Map<string, Chunk>, files: Iterable<string>): number;
export function dynamicChunks(graph: Map<string, Chunk>, entry: Set<string>, name: string): string[];
export function pageLoads(dir: string): {
  graph: Map<string, Chunk>;
  pages: Record<PageKindLoad, { gzip: number; chunks: number }>;
};
