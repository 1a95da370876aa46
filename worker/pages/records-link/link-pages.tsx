/** @jsxImportSource hono/jsx */
/** The pages of a records link: the code, the files to download, the upload form, and the notices. */
import type { RecordsFile } from '../../../shared/schemas/records-transfer';
import { Layout } from '../layout';

const CONTACT = 'If you need help, contact the practice that sent you the link.';

export type LinkNotice =
  | 'unknown'
  | 'expired'
  | 'used_up'
  | 'uploaded'
  | 'rate_limited'
  | 'refused'
  | 'error';

const NOTICES: Record<LinkNotice, { title: string; body: string }> = {
  unknown: {
    title: "This link doesn't work",
    body: `We could not find anything at this address, or the link was withdrawn. Check that the whole link was copied from your email. ${CONTACT}`,
  },
  expired: {
    title: 'This link has expired',
    body: `For privacy, records links work for a limited time. Ask the practice to send a new one. ${CONTACT}`,
  },
  used_up: {
    title: 'This link has been used',
    body: `The link allowed a set number of downloads (or one upload), and they have been used. ${CONTACT}`,
  },
  uploaded: {
    title: 'Thank you',
    body: 'The records were uploaded to the practice. You can close this page.',
  },
  rate_limited: {
    title: 'Please wait a moment',
    body: `There have been too many attempts with this link. Wait a few minutes and try again. ${CONTACT}`,
  },
  refused: {
    title: 'This request was refused',
    body: `For your security, the page can only be sent from itself. Open the link from your email again. ${CONTACT}`,
  },
  error: { title: 'Something went wrong', body: `Please try again in a few minutes. ${CONTACT}` },
};

export function NoticePage(props: { notice: LinkNotice; nonce?: string }) {
  const n = NOTICES[props.notice];
  return (
    <Layout title={n.title} nonce={props.nonce}>
      <h1>{n.title}</h1>
      <p>{n.body}</p>
    </Layout>
  );
}

type Page = { nonce?: string; path: string; practice: string };

export function CodePage(props: Page & { error?: string; message?: string }) {
  return (
    <Layout title="Enter your code" nonce={props.nonce}>
      <p class="muted">{props.practice}</p>
      <h1>Records sent to you</h1>
      <p>Enter the one-time code that came in a separate email.</p>
      {props.message ? (
        <p class="hint" role="status">
          {props.message}
        </p>
      ) : null}
      <form method="post" action={`${props.path}/code`}>
        <label for="code">One-time code</label>
        <input
          id="code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={12}
          required
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'code-error' : undefined}
        />
        {props.error ? (
          <p id="code-error" class="error">
            {props.error}
          </p>
        ) : null}
        <button type="submit">Open the records</button>
      </form>
      <form method="post" action={`${props.path}/new-code`}>
        <button type="submit" class="secondary">
          Email me a new code
        </button>
      </form>
    </Layout>
  );
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function FilesPage(props: Page & { files: RecordsFile[]; downloadsLeft: number }) {
  return (
    <Layout title="Your records" nonce={props.nonce}>
      <p class="muted">{props.practice}</p>
      <h1>Your records</h1>
      <p>
        Download each file below. This link allows {props.downloadsLeft} more download
        {props.downloadsLeft === 1 ? '' : 's'}.
      </p>
      <ul>
        {props.files.map((f) => (
          <li class="card">
            <a href={`${props.path}/files/${f.id}`} download={f.fileName}>
              Download {f.fileName}
            </a>{' '}
            <span class="muted">({size(f.sizeBytes)})</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function UploadPage(props: Page & { error?: string }) {
  return (
    <Layout title="Upload records" nonce={props.nonce}>
      <p class="muted">{props.practice}</p>
      <h1>Upload the records</h1>
      <p>
        Choose the records as PDF or images (PNG or JPEG), up to 25 MB each. The link works for one upload.
      </p>
      <form method="post" action={`${props.path}/upload`} enctype="multipart/form-data">
        <label for="files">Records</label>
        <input
          id="files"
          name="files"
          type="file"
          multiple
          accept="application/pdf,image/png,image/jpeg"
          required
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'files-error' : undefined}
        />
        {props.error ? (
          <p id="files-error" class="error">
            {props.error}
          </p>
        ) : null}
        <button type="submit">Upload</button>
      </form>
    </Layout>
  );
}
