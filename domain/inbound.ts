/** An inbound text as the conversation engine sees it, and what handling one produces. */
import type { Channel, JobsDocument } from './jobs-document';
import type { NewOutboxItem } from './outbox';

export interface InboundMedia {
  readonly url: string;
  readonly contentType: string;
}

export interface InboundText {
  /** Twilio MessageSid: the same text delivered twice has one effect. */
  readonly sid: string;
  /** E.164 when the sender is a phone; else the sender as Twilio gave it (see `unreachable`). */
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly InboundMedia[];
  /** The channel it came by; absent means SMS. */
  readonly channel?: Channel;
  /**
   * A sender we cannot text back and must not treat as a customer: a short code, an alphanumeric sender id, a
   * Messenger id. Its text is kept in the unmatched log and gets no reply.
   */
  readonly unreachable?: boolean;
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
