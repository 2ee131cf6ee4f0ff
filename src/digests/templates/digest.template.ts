import type { DigestModel } from '../domain/digest.model';
import { digestHtml } from './digest-html.template';
import { digestSubject } from './digest-subject.template';
import { digestText } from './digest-text.template';
import { buildDigestView } from './digest-view';

/** A rendered digest, ready for the outbox: subject, HTML part and plain-text part. */
export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders one executive's weekly digest. Pure: the same model gives the same
 * bytes, whatever the machine's zone or the time of day, so the web version
 * re-rendered later matches what was mailed. Everything people typed is
 * escaped in `html` and left intact in `text`.
 */
export function renderDigest(model: DigestModel): RenderedDigest {
  const view = buildDigestView(model);
  const subject = digestSubject(view);
  return { subject, html: digestHtml(view, subject), text: digestText(view) };
}
