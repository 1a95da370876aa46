/** @jsxImportSource hono/jsx */
/**
 * The plain pages a patient meets instead of the form: a link that does not
 * exist (or is malformed: the same page, so nothing can be learned by
 * probing), one that expired, a form already sent, too many attempts, a
 * refused or broken request, and the thank-you page. Short, no codes or
 * stack traces, and always who to turn to.
 */
import type { Child } from 'hono/jsx';
import { FormLayout } from './form-layout';

export type Notice =
  | 'unknown'
  | 'expired'
  | 'submitted'
  | 'done'
  | 'rate_limited'
  | 'refused'
  | 'too_large'
  | 'error';

const CONTACT = 'If you need help, contact the practice that sent you the link.';

const NOTICES: Record<Notice, { title: string; body: (practice?: string) => Child }> = {
  unknown: {
    title: "This link doesn't work",
    body: () => (
      <p>
        We could not find a form at this address. Check that the whole link was copied from your email or text
        message. {CONTACT}
      </p>
    ),
  },
  expired: {
    title: 'This link has expired',
    body: (practice) => (
      <p>
        For your privacy, form links work for a limited time. Ask {practice ?? 'the practice'} to send you a
        new link; anything you saved will still be there.
      </p>
    ),
  },
  submitted: {
    title: 'This form has already been sent',
    body: (practice) => (
      <p>
        {practice ?? 'The practice'} has received your answers, so there is nothing more to do. If something
        needs changing, contact the practice.
      </p>
    ),
  },
  done: {
    title: 'Thank you',
    body: (practice) => (
      <>
        <p>Your form has been sent to {practice ?? 'the practice'}. You can close this page.</p>
        <p class="muted">If you need to change an answer, contact the practice.</p>
      </>
    ),
  },
  rate_limited: {
    title: 'Please wait a moment',
    body: () => (
      <p>
        There have been too many attempts with this form in a short time. Wait a few minutes, then go back and
        try again. Your saved answers are kept. {CONTACT}
      </p>
    ),
  },
  refused: {
    title: 'This request was refused',
    body: () => (
      <p>
        For your security, the form can only be sent from its own page. Open the link from your email or text
        message again and send the form from there. {CONTACT}
      </p>
    ),
  },
  too_large: {
    title: 'The files are too large',
    body: () => <p>Go back and choose smaller files: each photo or PDF can be at most 10 MB. {CONTACT}</p>,
  },
  error: {
    title: 'Something went wrong',
    body: () => (
      <p>We could not open or save the form just now. Please try again in a few minutes. {CONTACT}</p>
    ),
  },
};

export function NoticePage(props: { notice: Notice; nonce?: string; practiceName?: string }) {
  const notice = NOTICES[props.notice];
  return (
    <FormLayout title={notice.title} nonce={props.nonce}>
      {props.practiceName ? <p class="muted">{props.practiceName}</p> : null}
      <h1>{notice.title}</h1>
      {notice.body(props.practiceName)}
    </FormLayout>
  );
}
