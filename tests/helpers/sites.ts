// Helpers for tests about sites: a council with an officer signed in, and form fields for dates.

import type { PlanningRecordInput } from "../../app/lib/schemas/planning-record";
import { requireTenantScope } from "../../app/server/access/tenancy.server";
import { createSite } from "../../app/server/council/sites/sites.server";
import type { Council } from "../../db/schema";
import { createCouncil, createMember, sessionCookieFor } from "./factories";
import { getRequest } from "./http";

export async function councilWithOfficer(overrides: Partial<Parameters<typeof createCouncil>[0]> = {}) {
  const council = await createCouncil(overrides);
  const officer = await createMember(council, "officer");
  const cookie = await sessionCookieFor(officer.user);
  const scope = await requireTenantScope(
    getRequest(`/c/${council.slug}`, cookie),
    { slug: council.slug },
    "site:write",
  );
  return { council, officer, cookie, scope };
}

/** GOV.UK date input fields for an ISO date: servedOn.day, servedOn.month, servedOn.year. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year = "", month = "", day = ""] = iso.split("-");
  return { [`${name}.day`]: String(Number(day)), [`${name}.month`]: String(Number(month)), [`${name}.year`]: year };
}

export async function addSite(
  scope: Awaited<ReturnType<typeof councilWithOfficer>>["scope"],
  values: Partial<Parameters<typeof createSite>[1]> = {},
) {
  return createSite(scope, {
    name: "Test Hotel",
    addressLine1: null,
    addressLine2: null,
    town: "Testtown",
    postcode: null,
    uprn: null,
    latitude: null,
    longitude: null,
    locationNote: null,
    ownerName: null,
    operatorName: null,
    contractor: "unknown",
    contractorOther: null,
    rooms: null,
    lawfulUse: "c1_hotel",
    lawfulUseOther: null,
    useComplainedOf: null,
    status: "in_use",
    ...values,
  });
}

export type CouncilWithOfficer = Awaited<ReturnType<typeof councilWithOfficer>>;
export type { Council };

/** A planning record as the domain functions take it: every field empty unless given. */
export function planningInput(
  values: Partial<PlanningRecordInput> & Pick<PlanningRecordInput, "kind">,
): PlanningRecordInput {
  return {
    reference: null,
    status: "open",
    description: null,
    linkUrl: null,
    certificateType: null,
    receivedOn: null,
    validatedOn: null,
    issuedOn: null,
    servedOn: null,
    displayedOn: null,
    effectiveOn: null,
    lodgedOn: null,
    startedOn: null,
    decision: null,
    decidedOn: null,
    withdrawnOn: null,
    stepsRequired: null,
    compliancePeriod: null,
    compliancePeriodUnit: null,
    appealed: false,
    otherDeadlineOn: null,
    otherDeadlineLabel: null,
    ...values,
  };
}
