import type { Page, TestInfo } from "@playwright/test";
import { expect, test, ADMIN_PASSWORD, DEMO_PASSWORD, checkPage, logIn, turnOnTwoStep } from "./helpers";

// Issue 20's visual check: every page of every role, in both languages, at 360 and 1280 px, saved
// as screenshots with the test report (end2end/playwright-report), and asserted to have no text
// overflowing its box and no element narrower than 40 px holding text; axe and the page's
// direction are checked on each (checkPage).

const widths = [360, 1280] as const;

/** Boxes whose text runs out of them, and boxes too narrow to read. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") return true;
      }
      return false;
    };
    const boxes = document.querySelectorAll(
      "main p, main li, main dt, main dd, main td, main th, main h1, main h2, main h3, main label, main .button, header a, header button",
    );
    for (const el of Array.from(boxes)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || scrolls(el.parentElement)) continue;
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? "")
        .join("")
        .trim();
      const name = `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""} "${(el.textContent ?? "").trim().slice(0, 24)}"`;
      if (own.length > 3 && r.width < 40) out.push(`narrow ${Math.round(r.width)}px: ${name}`);
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== "inline") {
        out.push(`overflow ${el.scrollWidth}>${el.clientWidth}: ${name}`);
      }
    }
    return out;
  });
}

async function tour(page: Page, info: TestInfo, lang: "ar" | "en", role: string, paths: string[]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBeLessThan(400);
      await checkPage(page, lang);
      const shot = await page.screenshot({ fullPage: true });
      await info.attach(`${role} ${lang} ${width}px ${path}`, { body: shot, contentType: "image/png" });
      expect(await layoutProblems(page), `${path} at ${width}px`).toEqual([]);
    }
  }
}

for (const lang of ["ar", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang });

    test("a visitor's pages", async ({ page }, info) => {
      test.setTimeout(120_000);
      await page.goto("/opportunities");
      const first = await page.getByTestId("opportunity-card").first().getByRole("link").getAttribute("href");
      await tour(page, info, lang, "visitor", [
        "/",
        "/opportunities",
        "/opportunities?cause=health&when=month",
        first!,
        "/organizations/qatar-red-crescent",
        "/training",
        "/impact",
        "/login",
        "/register",
        "/forgot",
        "/privacy",
      ]);
    });

    test("a volunteer's pages", async ({ page }, info) => {
      test.setTimeout(120_000);
      await logIn(page, "volunteer2@tam.qa", DEMO_PASSWORD);
      await tour(page, info, lang, "volunteer", ["/me", "/me/profile", "/me/notifications", "/me/security", "/me/privacy"]);
    });

    test("a coordinator's pages", async ({ page }, info) => {
      test.setTimeout(150_000);
      await logIn(page, "coordinator@tam.qa", DEMO_PASSWORD);
      await page.goto("/org/opportunities");
      const shift = await page.locator('a[href^="/org/shifts/"]').first().getAttribute("href");
      await tour(page, info, lang, "coordinator", [
        "/org",
        "/org/applications",
        "/org/opportunities",
        "/org/stats",
        "/org/hours",
        "/org/training",
        ...(shift ? [shift] : []),
      ]);
    });

    test("an admin's pages", async ({ page }, info) => {
      test.setTimeout(150_000);
      await logIn(page, `admin-tour-${lang}@tam.qa`, ADMIN_PASSWORD, "");
      await page.goto("/me/security");
      await turnOnTwoStep(page, lang);
      await tour(page, info, lang, "admin", [
        "/admin",
        "/admin/organizations",
        "/admin/volunteers",
        "/admin/audit",
        "/admin/outbox",
        "/admin/tiers",
        "/admin/training",
      ]);
    });
  });
}
