// The sites register's filters as a GET form: the same fields wherever sites are listed or mapped,
// so the query string means the same on every page.
import { Form } from "@remix-run/react";
import { FilterSelect } from "~/components/govuk/filter-select";
import {
  CONTRACTOR_LABELS,
  contractors,
  SITE_STATUS_LABELS,
  siteStatuses,
  USE_CLASS_LABELS,
  useClasses,
} from "~/lib/site-codes";

/** The search field's id, for an error summary's link to it. */
export const SITE_SEARCH_FIELD_ID = "filter-search";

export function SiteFilterForm({ search, searchError }: { search: URLSearchParams; searchError?: string | null }) {
  const value = (name: string) => search.get(name) ?? "";
  return (
    // Keyed by the query, so going back in history shows that page's filters, not the last typed.
    <Form method="get" aria-label="Filter sites" key={search.toString()}>
      <h2 className="govuk-heading-s">Filter</h2>
      <div className={`govuk-form-group${searchError ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor={SITE_SEARCH_FIELD_ID}>
          Search
        </label>
        <div className="govuk-hint" id={`${SITE_SEARCH_FIELD_ID}-hint`}>
          Reference, UPRN, postcode, name or address
        </div>
        {searchError ? (
          <p className="govuk-error-message" id={`${SITE_SEARCH_FIELD_ID}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {searchError}
          </p>
        ) : null}
        <input
          className={`govuk-input${searchError ? " govuk-input--error" : ""}`}
          id={SITE_SEARCH_FIELD_ID}
          name="search"
          type="search"
          spellCheck={false}
          defaultValue={value("search")}
          aria-describedby={
            searchError ? `${SITE_SEARCH_FIELD_ID}-hint ${SITE_SEARCH_FIELD_ID}-error` : `${SITE_SEARCH_FIELD_ID}-hint`
          }
        />
      </div>
      <FilterSelect
        name="status"
        label="Status"
        value={value("status")}
        options={siteStatuses.map((status) => ({ value: status, text: SITE_STATUS_LABELS[status] }))}
      />
      <FilterSelect
        name="contractor"
        label="Contractor"
        value={value("contractor")}
        options={contractors.map((contractor) => ({ value: contractor, text: CONTRACTOR_LABELS[contractor] }))}
      />
      <FilterSelect
        name="lawfulUse"
        label="Lawful use"
        value={value("lawfulUse")}
        options={useClasses.map((useClass) => ({ value: useClass, text: USE_CLASS_LABELS[useClass] }))}
      />
      <FilterSelect
        name="openEnforcement"
        label="Open enforcement"
        value={value("openEnforcement")}
        options={[
          { value: "yes", text: "Has open enforcement" },
          { value: "no", text: "No open enforcement" },
        ]}
      />
      <FilterSelect
        name="openLegalCase"
        label="Open legal case"
        value={value("openLegalCase")}
        options={[
          { value: "yes", text: "Has an open legal case" },
          { value: "no", text: "No open legal case" },
        ]}
      />
      <FilterSelect
        name="sort"
        label="Sort by"
        value={value("sort")}
        options={[
          { value: "reference", text: "Reference" },
          { value: "name", text: "Name" },
          { value: "status", text: "Status" },
          { value: "updated", text: "Recently changed" },
        ]}
      />
      <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="filter-archived"
            name="archived"
            type="checkbox"
            value="yes"
            defaultChecked={value("archived") === "yes"}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="filter-archived">
            Archived sites only
          </label>
        </div>
      </div>
      {search.get("on") ? <input type="hidden" name="on" value={value("on")} /> : null}
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Apply filters
      </button>
    </Form>
  );
}
