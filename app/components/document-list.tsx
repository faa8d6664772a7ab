// The documents attached to a record, as a GOV.UK table: each title opens or saves the file;
// privileged and publishable are shown in words. Members who may add documents get the upload link.

import { Table } from "~/components/govuk/table";
import { TableRegion } from "~/components/govuk/table-region";
import { documentFlagsHref, documentHref, formatFileSize } from "~/lib/documents";
import { formatDate, formatDateTime } from "~/lib/format";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "~/lib/timeline-codes";

/** A row as listDocuments returns it (after the loader's serialisation). */
export interface DocumentListRow {
  id: string;
  kind: DocumentKind;
  title: string;
  documentDate: string | null;
  fileName: string;
  sizeBytes: number;
  privileged: boolean;
  publishable: boolean;
  uploadedAt: string;
  uploadedBy: string;
}

export function DocumentList({
  slug,
  documents,
  uploadHref,
  canChange = false,
  heading = "Documents",
}: {
  slug: string;
  documents: readonly DocumentListRow[];
  /** The upload page (documentUploadHref); leave out for members who may not upload here. */
  uploadHref?: string | null;
  /** Whether to offer "Change flags" on each row (canManageDocuments). */
  canChange?: boolean;
  heading?: string;
}) {
  return (
    <section aria-labelledby="documents">
      <h2 className="govuk-heading-m" id="documents">
        {heading}
      </h2>
      {documents.length === 0 ? (
        <p className="govuk-body">No documents have been uploaded.</p>
      ) : (
        <TableRegion label={`${heading}: table`}>
          <Table
            caption={heading}
            captionSize="hidden"
            columns={[
              {
                header: "Document",
                cell: (document) => (
                  <>
                    <a className="govuk-link" href={documentHref(slug, document.id)}>
                      {document.title}
                    </a>
                    <br />
                    <span className="govuk-body-s govuk-!-margin-0">{document.fileName}</span>
                  </>
                ),
              },
              { header: "Kind", cell: (document) => DOCUMENT_KIND_LABELS[document.kind] },
              {
                header: "Date",
                cell: (document) => (document.documentDate ? formatDate(document.documentDate) : "No date"),
              },
              { header: "Size", cell: (document) => formatFileSize(document.sizeBytes) },
              {
                header: "Status",
                cell: (document) => (
                  <DocumentFlags privileged={document.privileged} publishable={document.publishable} />
                ),
              },
              {
                header: "Uploaded",
                cell: (document) => (
                  <>
                    {formatDateTime(document.uploadedAt)}
                    <br />
                    <span className="govuk-body-s govuk-!-margin-0">by {document.uploadedBy}</span>
                  </>
                ),
              },
              canChange && {
                header: <span className="govuk-visually-hidden">Actions</span>,
                cell: (document) => (
                  <a className="govuk-link" href={documentFlagsHref(slug, document.id)}>
                    Change flags<span className="govuk-visually-hidden"> of {document.title}</span>
                  </a>
                ),
              },
            ]}
            rows={documents}
            rowKey={(document) => document.id}
            rowId={(document) => `document-${document.id}`}
          />
        </TableRegion>
      )}
      {uploadHref ? (
        <a className="govuk-button govuk-button--secondary" href={uploadHref}>
          Upload a document
        </a>
      ) : null}
    </section>
  );
}

/** Privileged, publishable or internal, in words (the tag colour only repeats them). */
function DocumentFlags({ privileged, publishable }: { privileged: boolean; publishable: boolean }) {
  if (privileged) return <strong className="govuk-tag govuk-tag--red">Privileged</strong>;
  if (publishable) return <strong className="govuk-tag govuk-tag--green">May be published</strong>;
  return <strong className="govuk-tag govuk-tag--grey">Internal</strong>;
}
