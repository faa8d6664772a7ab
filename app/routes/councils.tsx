// Choose a council: for people who belong to more than one (or, as yet, to none).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ROLE_NAMES } from "~/lib/labels";
import { pageTitle } from "~/lib/service";
import { councilsOfUser, requireUser } from "~/server/access/auth.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Choose a council") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { councils: await councilsOfUser(user.id), isPlatformAdmin: user.isPlatformAdmin };
}

export default function Councils() {
  const { councils, isPlatformAdmin } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Choose a council</h1>
        {councils.length === 0 ? (
          <p className="govuk-body">
            You are not a member of any council yet. Ask your council's administrator to add you.
            {isPlatformAdmin ? (
              <>
                {" "}
                As a platform administrator you can{" "}
                <a className="govuk-link" href="/admin/councils">
                  see every council
                </a>
                .
              </>
            ) : null}
          </p>
        ) : (
          <ul className="govuk-list">
            {councils.map((council) => (
              <li key={council.slug}>
                <a className="govuk-link govuk-!-font-weight-bold" href={`/c/${council.slug}`}>
                  {council.name}
                </a>{" "}
                <span className="govuk-hint govuk-!-display-inline">({ROLE_NAMES[council.role].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
