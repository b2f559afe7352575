export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, ChromeMessage>;
export const ROOT: string;
export function loadMessages(locale?: string, root?: string): Messages;
export function formatMessage(messages: Messages, key: string, subs?: (string | number)[]): string | null;
export function countOf(n: number, noun: string, plural?: string): string;
export function ruleMessageKey(ruleId: string, part: string): string;
