/** An inbound text as the conversation engine sees it, and what handling one produces. */
import type { JobsDocument } from './jobs-document';
import type { NewOutboxItem } from './outbox';

export interface InboundMedia {
  readonly url: string;
  readonly contentType: string;
}

export interface InboundText {
  /** Twilio MessageSid: the same text delivered twice has one effect. */
  readonly sid: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly InboundMedia[];
  /**
   * Twilio's OptOutType webhook parameter (sent with Advanced Opt-Out): what Twilio did with the text, whatever
   * keywords the owner configured. Absent without Advanced Opt-Out.
   */
  readonly optOutType?: 'STOP' | 'START' | 'HELP' | null;
}

/** The result of one handler (customer or crew) before the engine records the messages. */
export interface Step {
  readonly doc: JobsDocument;
  /** The TwiML reply; null for an empty reply (STOP). */
  readonly reply: string | null;
  readonly notify: readonly NewOutboxItem[];
  /** The job the text affected: the inbound message, photos and reply are kept on it (else the unmatched log). */
  readonly jobId: string | null;
  /** The bot could not act on it: a dispatcher should look. */
  readonly needsAttention?: boolean;
}
