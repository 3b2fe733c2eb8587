import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { totp } from "./mail";

/**
 * Every test fails on a script error in the page: a hydration panic, a blocked script (the
 * Content-Security-Policy), an exception. Refused HTTP answers (401, 403, 404, 422) are expected
 * in these journeys, and Chromium logs those as "Failed to load resource"; they are not errors here.
 */
export const test = base.extend<{ pageErrors: void }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
          errors.push(`console: ${m.text()}`);
        }
      });
      await use();
      expect(errors, "script errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export const DEMO_PASSWORD = "tam-demo-2026";
export const ADMIN_PASSWORD = "e2e-admin-password";

/**
 * Waits until the page's islands are live (before that, forms post without JavaScript, which
 * works too). A page without islands loads no WASM: there is nothing to wait for.
 */
/** Waits until the page's live stream is open, and marks the page: `stillSamePage` then tells
 * whether what the test sees next came without a reload. */
export async function live(page: Page) {
  await hydrated(page);
  await page.waitForSelector('body[data-stream="open"]');
  await page.evaluate(() => ((window as unknown as { tamMark: number }).tamMark = 1));
}

export async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { tamMark?: number }).tamMark === 1);
}

export async function hydrated(page: Page) {
  await page.waitForLoadState("domcontentloaded");
  if ((await page.locator("leptos-island").count()) > 0) {
    await page.waitForSelector('body[data-hydrated="true"]');
  }
}

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules finds nothing. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** The page fits its viewport: nothing scrolls sideways (a 360 px phone included). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `sideways overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

export async function expectDirection(page: Page, lang: "ar" | "en") {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
}

/**
 * Every check a visited page must pass. With JavaScript off (`js: false`) axe cannot run in the
 * page; the same markup is checked by axe in the journeys with JavaScript.
 */
export async function checkPage(page: Page, lang: "ar" | "en", { js = true }: { js?: boolean } = {}) {
  if (js) await hydrated(page);
  await expectDirection(page, lang);
  await expectNoSidewaysScroll(page);
  if (js) await expectAccessible(page);
}

/** Fluent isolates placeables with FSI/PDI; compare text without them. */
export function plain(s: string | null): string {
  return (s ?? "").replace(/[\u2068\u2069]/g, "");
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.qa`;
}

/** The demo coordinators' TOTP secrets (README). */
export const DEMO_TOTP: Record<string, string> = {
  "coordinator@tam.qa": "TAMDEMOMARYAMKUWARIQRCSECRETXYZA",
  "coordinator2@tam.qa": "TAMDEMOOMARHADDADEIDCHARITYSECRT",
};

/**
 * Logs in through the login page (its island, or a plain post when JavaScript is off), with the
 * code of two-step sign-in when the account has it on (`totpSecret`). A code is accepted once per
 * account, so when another test just used the current one, the next step's (still accepted) is used.
 * `checkCodePage` runs the page checks on the code page in that language.
 */
export async function logIn(
  page: Page,
  email: string,
  password: string,
  totpSecret = DEMO_TOTP[email],
  { checkCodePage }: { checkCodePage?: "ar" | "en" } = {},
) {
  await page.goto("/login");
  await hydrated(page);
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("form.form button[type=submit]").click();
  if (totpSecret) {
    await page.waitForURL("**/login/code?**");
    await hydrated(page);
    if (checkCodePage) await checkPage(page, checkCodePage);
    for (const step of [0, 1, "next window"] as const) {
      if (step === "next window") {
        // Both codes the server accepts now were used (it keeps the last accepted step and takes
        // only later ones): in the next 30-second step, the code one step ahead is new. The wait
        // is the test's own time, not a hang: the test gets it on top of its limit.
        const wait = 30_000 - (Date.now() % 30_000) + 500;
        test.info().setTimeout(test.info().timeout + wait);
        await page.waitForTimeout(wait);
      }
      await page.locator("#field-code").fill(totp(totpSecret, step === "next window" ? 1 : step));
      const [answer] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === "/api/login_code"),
        page.locator("form.form button[type=submit]").click(),
      ]);
      if (answer.ok()) break;
      expect(answer.status(), "a used code is refused as a wrong one").toBe(422);
      await expect(page.locator("#field-code-error")).not.toBeEmpty();
    }
  }
  await page.waitForURL("**/me");
  await expect(page.getByTestId("me")).toBeVisible();
}

/**
 * Turns on two-step sign-in from `/me/security`: scans nothing, reads the key shown as text, keeps
 * the recovery codes, confirms with the app's code. Returns the secret.
 */
export async function turnOnTwoStep(page: Page, lang: "ar" | "en"): Promise<string> {
  await page.getByRole("link", { name: lang === "ar" ? "تفعيل التحقق بخطوتين" : "Turn on two-step sign-in" }).click();
  await page.waitForURL("**/me/mfa");
  await checkPage(page, lang);
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const secret = (await page.getByTestId("mfa-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.locator("#field-code").fill(totp(secret));
  await page.locator("form.form button[type=submit]").click();
  await page.waitForURL("**/me/security");
  await expect(page.getByTestId("mfa-on")).toBeVisible();
  await checkPage(page, lang);
  return secret;
}

/** Qatar's time (UTC+3) `minutes` from now, as a `datetime-local` field takes it. */
export function qatarTime(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000 + 3 * 3_600_000).toISOString().slice(0, 16);
}

/** Qatar's date `days` from today, `YYYY-MM-DD`. */
export function qatarDay(days: number): string {
  return qatarTime(days * 24 * 60).slice(0, 10);
}

/**
 * The coordinator on `coordinator` creates an opportunity with one shift (times in Qatar's time)
 * and publishes it; its id.
 */
export async function publishOpportunity(
  coordinator: Page,
  lang: "ar" | "en",
  o: {
    title: string;
    place: string;
    starts: string;
    ends: string;
    cause?: string;
    municipality?: string;
    capacity?: string;
    signupCutoffHours?: string;
    withdrawCutoffHours?: string;
  },
): Promise<string> {
  const t = (ar: string, en: string) => (lang === "ar" ? ar : en);
  await coordinator.goto("/org/opportunities");
  await hydrated(coordinator);
  await coordinator.locator(lang === "ar" ? "#field-title_ar" : "#field-title_en").fill(o.title);
  await coordinator.locator("#field-cause").selectOption(o.cause ?? "community");
  await coordinator.locator("#field-municipality").selectOption(o.municipality ?? "doha");
  await coordinator.locator("#field-place").fill(o.place);
  if (o.signupCutoffHours) await coordinator.locator("#field-signup_cutoff_hours").fill(o.signupCutoffHours);
  if (o.withdrawCutoffHours) await coordinator.locator("#field-withdraw_cutoff_hours").fill(o.withdrawCutoffHours);
  await coordinator.locator("#field-starts").fill(o.starts);
  await coordinator.locator("#field-ends").fill(o.ends);
  await coordinator.locator("#field-capacity").fill(o.capacity ?? "5");
  await coordinator.locator("form.form button[type=submit]").last().click();
  await coordinator.waitForURL("**/org/opportunities?created=1");
  const card = () => coordinator.getByTestId("org-opportunity").filter({ hasText: o.title });
  await card().getByRole("button", { name: t("انشر", "Publish") }).click();
  await expect(card()).toContainText(t("منشورة", "Published"));
  const href = await card().getByTestId("edit-link").getAttribute("href");
  return href!.split("/").pop()!;
}
