export const VARIANTS: Record<string, number[]>;
export function variantKeys(key: string, subs: readonly (string | number)[], lang: string): string[];
export function pluralKey(
  key: string,
  subs: readonly (string | number)[] | undefined,
  lang: string,
  has: (key: string) => boolean,
): string;
