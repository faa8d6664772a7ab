// The page shell: GOV.UK template, header with the service and council, footer, error pages.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorBoundaryContent, errorPageTitle, errorStatus } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { pageTitle, SERVICE_NAME } from "./lib/service";
import type { loader as councilLoader } from "./routes/c.$slug";
import { getSignedInUser } from "./server/access/auth.server";
import { requestIdOf } from "./server/http/request.server";
import stylesheet from "./styles/app.css";

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: SERVICE_NAME }];
  const status = errorStatus(error);
  // The tab's title says "There is a problem" for a failure too; the page's heading says more.
  return [{ title: pageTitle(status >= 500 && status !== 503 ? "There is a problem" : errorPageTitle(status)) }];
};

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A request the server's edge refused (edge.server.ts) is shown as this app's error page.
  if (context.edgeRefusal) {
    throw new Response(context.edgeRefusal.message, { status: context.edgeRefusal.status });
  }
  const user = await getSignedInUser(request);
  return {
    user: user ? { name: user.name, isPlatformAdmin: user.isPlatformAdmin } : null,
    // Shown on an error page, so a user can quote it (the server logs each error with it).
    requestId: requestIdOf(request),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: GOV.UK's documented snippet, a constant
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const councilData = useRouteLoaderData<typeof councilLoader>("routes/c.$slug");
  const user = rootData?.user ?? null;
  const council = councilData?.council;
  return (
    <header>
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <a href={council ? `/c/${council.slug}` : "/"} className="govuk-generic-header__homepage-link">
              {council ? council.name : SERVICE_NAME}
            </a>
          </div>
        </div>
      </div>
      <section
        aria-label="Service information"
        className="govuk-service-navigation"
        data-module="govuk-service-navigation"
      >
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <a href="/" className="govuk-service-navigation__link">
                {SERVICE_NAME}
              </a>
            </span>
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {councilData ? (
                  <CouncilNavigation slug={councilData.council.slug} shows={councilData.navigation} />
                ) : null}
                {user?.isPlatformAdmin ? (
                  <li className="govuk-service-navigation__item">
                    <a className="govuk-service-navigation__link" href="/admin/councils">
                      Councils
                    </a>
                  </li>
                ) : null}
                {user ? (
                  <li className="govuk-service-navigation__item">
                    <Form method="post" action="/sign-out" className="app-inline-form" reloadDocument>
                      <button type="submit" className="app-link-button govuk-service-navigation__link">
                        Sign out<span className="govuk-visually-hidden"> ({user.name})</span>
                      </button>
                    </Form>
                  </li>
                ) : (
                  <li className="govuk-service-navigation__item">
                    <a className="govuk-service-navigation__link" href="/sign-in">
                      Sign in
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </div>
      </section>
    </header>
  );
}

function CouncilNavigation({ slug, shows }: { slug: string; shows: { members: boolean; audit: boolean } }) {
  const { pathname } = useLocation();
  const items = [
    { href: `/c/${slug}`, text: "Dashboard" },
    { href: `/c/${slug}/deadlines`, text: "Deadlines" },
    { href: `/c/${slug}/sites`, text: "Sites" },
    { href: `/c/${slug}/map`, text: "Map" },
    { href: `/c/${slug}/complaints`, text: "Complaints" },
    { href: `/c/${slug}/cases`, text: "Legal cases" },
    ...(shows.members ? [{ href: `/c/${slug}/members`, text: "Members" }] : []),
    ...(shows.audit ? [{ href: `/c/${slug}/audit`, text: "Audit log" }] : []),
  ];
  return items.map((item) => {
    const current = item.href === `/c/${slug}` ? pathname === item.href : pathname.startsWith(item.href);
    return (
      <li
        className={`govuk-service-navigation__item${current ? " govuk-service-navigation__item--active" : ""}`}
        key={item.href}
      >
        <a className="govuk-service-navigation__link" href={item.href} aria-current={current ? "page" : undefined}>
          {current ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
        </a>
      </li>
    );
  });
}

function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/accessibility">
                  Accessibility statement
                </a>
              </li>
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/privacy">
                  Privacy notice
                </a>
              </li>
            </ul>
          </div>
        </div>
      </div>
    </footer>
  );
}

function Page({ children }: { children: ReactNode }) {
  return (
    <>
      <Header />
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <Footer />
    </>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Page>
      <Outlet />
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <Page>
      <ErrorBoundaryContent />
    </Page>
  );
}
