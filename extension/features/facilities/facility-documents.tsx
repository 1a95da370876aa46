import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '../../../shared/facility-terms';
import { formatDate } from '../../../shared/locale-dates';
import { useConfirm } from '../../ui/confirm-dialog';
import { DocumentPicker, formatSize } from '../../ui/document-picker';
import { UploadProgress } from '../../ui/upload-progress';
import type { FacilityDetailState } from './facility-detail-model';

/** A facility's legal documents: download for whoever may see them, delete and upload for full access. */
export function FacilityDocuments({ model }: { model: FacilityDetailState }) {
  const manage = model.can('facilities:full');
  const documents = model.documents.value;
  const files = model.files.value;
  const progress = model.progress.value;
  const [confirmation, ask] = useConfirm();
  return (
    <>
      {confirmation}
      <h3>Documents</h3>
      {documents.some((d) => d.kind === 'facility_agreement') ? null : (
        <p class="alert" data-testid="agreement-missing">
          No facility agreement yet: onboarding is not complete until it is uploaded
          {manage ? ' below' : ''}.
        </p>
      )}
      {documents.length === 0 ? <p class="empty">No documents yet.</p> : null}
      <ul class="list" aria-label="Documents">
        {documents.map((d) => (
          <li key={d.id} data-testid="document-row">
            <div>
              {d.fileName}
              <div class="muted small">
                {DOCUMENT_KIND_LABELS[d.kind]} · {formatSize(d.sizeBytes)} · {formatDate(d.createdAt)}
              </div>
            </div>
            <div class="row-actions">
              <button type="button" class="secondary" onClick={() => model.download(d)}>
                Download
              </button>
              {manage ? (
                <button
                  type="button"
                  class="secondary"
                  onClick={async () => {
                    const sure = await ask({
                      title: `Delete ${d.fileName}?`,
                      message:
                        'The file is removed for everyone; the deletion is recorded in the audit trail.',
                      confirmLabel: 'Delete',
                      danger: true,
                    });
                    if (sure) model.deleteDocument(d);
                  }}
                >
                  Delete
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {manage ? (
        <>
          <DocumentPicker
            files={files}
            onChange={model.pickFiles}
            kinds={DOCUMENT_KINDS}
            kindLabels={DOCUMENT_KIND_LABELS}
          />
          <UploadProgress line={progress} onStop={model.stopUpload} />
          <button
            type="button"
            class="primary"
            disabled={files.length === 0 || progress !== null}
            onClick={() => model.uploadDocuments()}
          >
            Upload {files.length || ''} document{files.length === 1 ? '' : 's'}
          </button>
        </>
      ) : null}
    </>
  );
}
