/**
 * The shared vocabulary's types in one import (`import type { … } from '../contract'`). Values
 * (schemas, lists, LIMITS, fitModel) are imported from their own files, so that code which needs
 * no schema (the content script) never pulls the schema library in.
 */
export type { Audit, Facts, Finding } from './audit';
export type { Family, Message, MessageOf, MessageType, Response, Responses } from './messages';
export type {
  ArticleSection,
  Comment,
  CommentCounts,
  CommentForm,
  CommentSection,
  Evidence,
  FormField,
  Link,
  PageModel,
  PhoneMention,
  SocialPost,
  SocialSection,
} from './model';
export type { Band, CommentSystem, CommentsState, FieldKind, PageKind, Platform, RuleMessagePart, Verdict } from './vocabulary';
