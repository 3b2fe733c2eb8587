import type { Page } from "@playwright/test";
import { expect, test, checkPage, DEMO_PASSWORD, hydrated, logIn, plain } from "./helpers";

// Issue 20: what a person meets on a phone and on a desktop, in both languages. Each test here
// failed before its fix.

const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 800 };

/** Text boxes too narrow to read (a definition list squeezed to a letter a line). */
async function narrowTextBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("main p, main li, main dt, main dd, main td, main h1, main h2, main h3"))) {
      const text = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? "")
        .join("")
        .trim();
      const r = el.getBoundingClientRect();
      if (text.length > 3 && r.width > 0 && r.width < 40) out.push(`${el.tagName} "${text.slice(0, 20)}" ${Math.round(r.width)}px`);
    }
    return out;
  });
}

for (const lang of ["ar", "en"] as const) {
  const t = (ar: string, en: string) => (lang === "ar" ? ar : en);

  test.describe(`in ${lang}, on a phone`, () => {
    test.use({ locale: lang, viewport: phone });

    test("a visitor finds an opportunity from the home page in two taps; the filters wait behind a button", async ({
      page,
    }) => {
      await page.goto("/");
      await checkPage(page, lang);
      // The header names the main door for everyone.
      await expect(page.getByTestId("nav-opportunities")).toHaveText(t("الفرص", "Opportunities"));
      // Tap one: the home page's main action.
      await page.getByTestId("home-find").click();
      await page.waitForURL("**/opportunities");
      await checkPage(page, lang);
      // Results first: the first card starts on the first screen, the form is folded away.
      const first = page.getByTestId("opportunity-card").first();
      const box = await first.boundingBox();
      expect(box!.y, "the first opportunity is on the first screen").toBeLessThan(phone.height);
      await expect(page.locator("#filter-cause")).toBeHidden();
      // No date box that a browser would draw in its own order ("mm/dd/yyyy" on an Arabic page).
      await expect(page.locator("input[type=date]")).toHaveCount(0);
      // A card is a card (not a bulleted list of paragraphs), with its seats as a bar.
      const look = await first.evaluate((li) => ({
        list: getComputedStyle(li.parentElement!).listStyleType,
        border: getComputedStyle(li).borderTopWidth,
      }));
      expect(look).toEqual({ list: "none", border: "1px" });
      await expect(first.locator("meter.seat-bar")).toHaveCount(1);
      // The next shift reads day, month, year, then time; no nested isolates to turn it around.
      const when = await first.locator(".card-when").textContent();
      expect(plain(when)).toMatch(lang === "ar" ? /\d{1,2} \S+ \d{4}، الساعة \d{2}:\d{2}/ : /[A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2}/);
      expect((when ?? "").match(/\u2068/g)?.length ?? 0, "one isolate around the date, none inside it").toBeLessThanOrEqual(1);

      // The filters open from their button; a chosen filter shows as a chip that removes it.
      await page.getByTestId("filter-open").click();
      await expect(page.locator("#filter-cause")).toBeVisible();
      await page.locator("#filter-cause").selectOption("health");
      await page.locator("#filter-when").selectOption("month");
      await page.locator("form.filters button[type=submit]").click();
      await page.waitForURL(/cause=health/);
      const chips = page.getByTestId("filter-chip");
      await expect(chips).toHaveCount(2);
      expect(plain(await page.getByTestId("filter-open").textContent())).toBe(t("تصفية (2)", "Filter (2)"));
      await checkPage(page, lang);
      await chips.first().click();
      await page.waitForURL((u) => !u.searchParams.has("cause") && u.searchParams.get("when") === "month");
      await expect(page.getByTestId("filter-chip")).toHaveCount(1);

      // Tap two: an opportunity.
      await page.getByTestId("opportunity-card").first().getByRole("link").click();
      await page.waitForURL(/\/opportunities\/\d+$/);
      await checkPage(page, lang);
    });

    test("a volunteer's applications are cards with a status badge, and withdrawing asks first", async ({ page }) => {
      await logIn(page, "volunteer@tam.qa", DEMO_PASSWORD);
      await page.goto("/me");
      await checkPage(page, lang);
      await expect(page.getByTestId("nav-opportunities")).toBeVisible();
      const card = page.getByTestId("my-application").first();
      await expect(card.getByTestId("application-status")).toHaveClass(/\bstatus\b/);
      // A shift is written once: its date, then its hours ("6 ديسمبر 2026، 08:00–12:00").
      expect(plain(await card.locator(".card-when").textContent())).toMatch(
        lang === "ar" ? /^\d{1,2} \S+ \d{4}، \d{2}:\d{2}–\d{2}:\d{2}$/ : /^[A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2}–\d{2}:\d{2}$/,
      );
      // Withdrawing is a secondary button that first says what will happen; nothing is sent yet.
      const ask = page.getByTestId("confirm-open").first();
      await expect(ask).toHaveText(t("انسحب", "Withdraw"));
      await expect(ask).toHaveClass(/secondary/);
      await ask.click();
      const confirm = page.locator("details.confirm[open]").first();
      await expect(confirm).toContainText(t("سيُسحب طلبك", "Your application is withdrawn"));
      await expect(confirm.locator("button.button.danger")).toHaveText(t("انسحب", "Withdraw"));
      await checkPage(page, lang);
      expect(await narrowTextBoxes(page)).toEqual([]);
    });

    test("a coordinator's queue keeps its facts readable on a phone; the statistics page has its heading", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await logIn(page, "coordinator@tam.qa", DEMO_PASSWORD);
      await page.goto("/org/applications");
      await checkPage(page, lang);
      await expect(page.getByTestId("queue-row").first()).toBeVisible();
      expect(await narrowTextBoxes(page), "definition lists stack on a phone").toEqual([]);
      // The queue's filters fold behind their button too, and open from it.
      await expect(page.locator("#queue-state")).toBeHidden();
      await page.getByTestId("queue-filter-open").click();
      await expect(page.locator("#queue-state")).toBeVisible();
      await page.goto("/org/stats");
      await expect(page.locator("h1")).toHaveText(t("الإحصاءات", "Statistics"));
      await checkPage(page, lang);
    });

    test("an organization's public page lists its opportunities; /training's headings do not skip a level", async ({
      page,
    }) => {
      await page.goto("/organizations/qatar-red-crescent");
      await expect(page.getByTestId("org-opportunities").getByTestId("opportunity-card").first()).toBeVisible();
      await expect(page.getByText(t("ستُعرض هنا", "will be listed here"))).toHaveCount(0);
      await checkPage(page, lang);
      await page.goto("/training");
      const levels = await page.locator("main h1, main h2, main h3, main h4").evaluateAll((hs) =>
        hs.map((h) => Number(h.tagName.slice(1))),
      );
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1], `${levels}`).toBeLessThanOrEqual(1);
      await checkPage(page, lang);
    });
  });

  test.describe(`in ${lang}, the digits of numbers`, () => {
    test.use({ locale: lang, viewport: phone });

    test("Arabic pages write numbers in Latin digits unless the reader chooses Arabic-Indic ones; English always in Latin", async ({
      page,
      context,
    }) => {
      /** The digits of the page's own text (its figures, dates and times), not of what a person typed. */
      const digitsOf = (selector: string) =>
        page.locator(selector).evaluateAll((els) => {
          const text = els.map((e) => (e as HTMLElement).innerText).join(" ");
          return { latin: /[0-9]/.test(text), indic: /[\u0660-\u0669]/.test(text) };
        });
      await page.goto("/impact");
      await checkPage(page, lang);
      expect(await digitsOf("main .stat-value, main td.num")).toEqual({ latin: true, indic: false });
      if (lang === "en") {
        // Nothing to choose on English pages, and a choice made on an Arabic page does not reach them.
        await expect(page.getByTestId("digits-switch")).toHaveCount(0);
        await context.addCookies([{ name: "digits", value: "arab", url: page.url() }]);
        await page.reload();
        expect(await digitsOf("main .stat-value, main td.num")).toEqual({ latin: true, indic: false });
        return;
      }
      await expect(page.getByTestId("digits-switch")).toContainText("١٢٣");
      await page.getByTestId("digits-switch").click();
      await page.waitForURL("**/impact");
      await checkPage(page, lang);
      expect(await digitsOf("main .stat-value, main td.num")).toEqual({ latin: false, indic: true });
      await expect(page.getByTestId("digits-switch")).toContainText("123");
      // Every page follows: a card's date and time, and the figures of an opportunity.
      await page.goto("/opportunities");
      await checkPage(page, lang);
      expect(await digitsOf("main .card-when")).toEqual({ latin: false, indic: true });
      // Back to Latin digits, from the same switch.
      await page.getByTestId("digits-switch").click();
      await page.waitForURL("**/opportunities");
      expect(await digitsOf("main .card-when")).toEqual({ latin: true, indic: false });
    });
  });

  test.describe(`in ${lang}, on a desktop`, () => {
    test.use({ locale: lang, viewport: desktop });

    test("the filters stand beside the results, open", async ({ page }) => {
      await page.goto("/opportunities?cause=health");
      await hydrated(page);
      await expect(page.getByTestId("filter-open")).toBeHidden();
      await expect(page.locator("#filter-cause")).toBeVisible();
      const form = await page.locator("form.filters").boundingBox();
      const card = await page.getByTestId("opportunity-card").first().boundingBox();
      // Side by side: the form in the start column (right in Arabic, left in English).
      expect(Math.abs(form!.y - card!.y)).toBeLessThan(200);
      if (lang === "ar") expect(form!.x).toBeGreaterThan(card!.x);
      else expect(form!.x).toBeLessThan(card!.x);
      await checkPage(page, lang);
    });
  });
}
