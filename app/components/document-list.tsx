// The documents attached to a record, as a GOV.UK table: each title opens or saves the file;
// privileged and publishable are shown in words. Members who may add documents get the upload link.

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
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{heading}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Document
                </th>
                <th scope="col" className="govuk-table__header">
                  Kind
                </th>
                <th scope="col" className="govuk-table__header">
                  Date
                </th>
                <th scope="col" className="govuk-table__header">
                  Size
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  Uploaded
                </th>
                {canChange ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {documents.map((document) => (
                <tr className="govuk-table__row" key={document.id} id={`document-${document.id}`}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={documentHref(slug, document.id)}>
                      {document.title}
                    </a>
                    <br />
                    <span className="govuk-body-s govuk-!-margin-0">{document.fileName}</span>
                  </td>
                  <td className="govuk-table__cell">{DOCUMENT_KIND_LABELS[document.kind]}</td>
                  <td className="govuk-table__cell">
                    {document.documentDate ? formatDate(document.documentDate) : "No date"}
                  </td>
                  <td className="govuk-table__cell">{formatFileSize(document.sizeBytes)}</td>
                  <td className="govuk-table__cell">
                    <DocumentFlags privileged={document.privileged} publishable={document.publishable} />
                  </td>
                  <td className="govuk-table__cell">
                    {formatDateTime(document.uploadedAt)}
                    <br />
                    <span className="govuk-body-s govuk-!-margin-0">by {document.uploadedBy}</span>
                  </td>
                  {canChange ? (
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={documentFlagsHref(slug, document.id)}>
                        Change flags<span className="govuk-visually-hidden"> of {document.title}</span>
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
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
