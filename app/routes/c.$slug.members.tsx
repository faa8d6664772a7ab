// The council's members, for its council admins: change a role, remove someone who has left.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { Table } from "~/components/govuk/table";
import { TableRegion } from "~/components/govuk/table-region";
import { ROLE_DESCRIPTIONS, ROLE_NAMES } from "~/lib/labels";
import { roles } from "~/lib/roles";
import { membershipActionSchema } from "~/lib/schemas/membership";
import { pageTitle } from "~/lib/service";
import { refused } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { changeMemberRole, listMembers, removeMember } from "~/server/council/members.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Members", data?.councilName ?? "") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "member:manage");
  return { councilName: scope.councilName, members: await listMembers(scope), currentUserId: scope.userId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "member:manage");
  const submission = parseForm(await readForm(request, membershipActionSchema), membershipActionSchema);
  if (submission.status !== "success") {
    return data(
      {
        errors: Object.values(submission.error ?? {})
          .flat()
          .filter((e): e is string => Boolean(e)),
      },
      { status: 400 },
    );
  }
  const input = submission.value;
  try {
    const found =
      input.intent === "change-role"
        ? await changeMemberRole(scope, { membershipId: input.membershipId, role: input.role, version: input.version })
        : await removeMember(scope, { membershipId: input.membershipId, version: input.version });
    if (!found) throw notFound();
  } catch (error) {
    return refused(error, (refusal) => ({ errors: [refusal.message] }));
  }
  return redirect(
    `/c/${scope.councilSlug}/members?done=${input.intent === "change-role" ? "role-changed" : "removed"}`,
  );
}

const DONE_MESSAGES: Record<string, string> = {
  "role-changed": "The member's role has been changed.",
  removed: "The member has been removed from the council.",
};

export default function Members() {
  const { members, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={(actionData?.errors ?? []).map((text) => ({ text }))} />
      {actionData ? null : <SuccessBanner messages={DONE_MESSAGES} />}
      <h1 className="govuk-heading-l">Members</h1>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">What each role can do</span>
        </summary>
        <div className="govuk-details__text">
          <ul className="govuk-list govuk-list--bullet">
            {roles.map((role) => (
              <li key={role}>
                <strong>{ROLE_NAMES[role]}</strong>: {ROLE_DESCRIPTIONS[role]}
              </li>
            ))}
          </ul>
        </div>
      </details>
      <TableRegion label="Members">
        <Table
          caption={`${members.length} members`}
          captionSize="m"
          columns={[
            {
              header: "Name",
              rowHeader: true,
              cell: (member) => (
                <>
                  {member.name}
                  {member.userId === currentUserId ? " (you)" : ""}
                  <br />
                  <span className="govuk-hint govuk-!-font-size-16">{member.email}</span>
                  {member.deactivated ? <strong className="govuk-tag govuk-tag--grey">Deactivated</strong> : null}
                </>
              ),
            },
            {
              header: "Role",
              cell: (member) => (
                <Form method="post" className="app-inline-form">
                  <input type="hidden" name="intent" value="change-role" />
                  <input type="hidden" name="membershipId" value={member.membershipId} />
                  <input type="hidden" name="version" value={member.version} />
                  <div className="govuk-form-group govuk-!-margin-bottom-2">
                    <label className="govuk-label govuk-visually-hidden" htmlFor={`role-${member.membershipId}`}>
                      Role of {member.name}
                    </label>
                    <select
                      className="govuk-select"
                      id={`role-${member.membershipId}`}
                      name="role"
                      defaultValue={member.role}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_NAMES[role]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button
                    type="submit"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    data-module="govuk-button"
                  >
                    Change role<span className="govuk-visually-hidden"> of {member.name}</span>
                  </button>
                </Form>
              ),
            },
            {
              header: "Remove",
              cell: (member) => (
                <Form method="post" className="app-inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="membershipId" value={member.membershipId} />
                  <input type="hidden" name="version" value={member.version} />
                  <button
                    type="submit"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                    data-module="govuk-button"
                  >
                    Remove<span className="govuk-visually-hidden"> {member.name}</span>
                  </button>
                </Form>
              ),
            },
          ]}
          rows={members}
          rowKey={(member) => member.membershipId}
        />
      </TableRegion>
    </>
  );
}
