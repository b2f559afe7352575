export function byImpact<T extends { rule: string; score: number | null; weight: number }>(findings: readonly T[]): T[];
