// Sign in with email and password.
import { getFormProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { TextInput } from "~/components/govuk/fields";
import { formatTime } from "~/lib/format";
import { safeRedirect } from "~/lib/safe-redirect";
import { signInSchema } from "~/lib/schemas/sign-in";
import { pageTitle } from "~/lib/service";
import { assertSameOrigin, getSignedInUser, landingPathFor, signIn } from "~/server/access/auth.server";
import { parseForm, readForm } from "~/server/http/form-input.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Sign in") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSignedInUser(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (user) throw redirect(redirectTo ?? (await landingPathFor(user)));
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const submission = parseForm(await readForm(request, signInSchema), signInSchema);
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(request, email, password);
  if (!result.ok) {
    if (result.reason === "throttled" && result.throttle.locked) {
      const minutes = Math.max(1, Math.ceil((result.throttle.retryAt.getTime() - Date.now()) / 60000));
      const message =
        result.throttle.scope === "account"
          ? `There have been too many failed attempts to sign in to this account. Try again after ${formatTime(result.throttle.retryAt)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`
          : `There have been too many failed attempts to sign in from your network. Try again after ${formatTime(result.throttle.retryAt)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`;
      return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 429 });
    }
    return data(
      submission.reply({
        formErrors: ["The email address or password is not right. Check them and try again."],
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
  const destination = safeRedirect(redirectTo) ?? (await landingPathFor(result.user));
  return redirect(destination, { headers: { "Set-Cookie": result.setCookie } });
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // A new key after each failed attempt empties the password box, with or without JavaScript.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (lastResult) setAttempt((count) => count + 1);
  }, [lastResult]);
  const [form, fields] = useForm<z.input<typeof signInSchema>>({ id: "sign-in", lastResult });
  const errors = [
    ...(form.errors ?? []).map((text) => ({ fieldId: fields.email.id, text })),
    ...(fields.email.errors ?? []).map((text) => ({ fieldId: fields.email.id, text })),
    ...(fields.password.errors ?? []).map((text) => ({ fieldId: fields.password.id, text })),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Sign in with the email address your council registered for you.</p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
          <TextInput
            field={fields.email}
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
          />
          <TextInput
            key={`password-${attempt}`}
            field={fields.password}
            label="Password"
            type="password"
            autoComplete="current-password"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </Form>
        <p className="govuk-body">If you cannot sign in, contact your council's administrator.</p>
      </div>
    </div>
  );
}
