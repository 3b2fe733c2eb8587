import type { BrowserContext, Page } from "@playwright/test";
import { expect, test, checkPage, DEMO_PASSWORD, hydrated, logIn, plain, publishOpportunity, qatarDay, qatarTime } from "./helpers";

// Issue 20, items 6 and 9: the rules about a volunteer's places, told in the page's language.
// - Item 6: applying to a shift at the same time as one the volunteer is already approved for is
//   refused at once (not only when a coordinator approves), and both refusals name the other shift
//   in Doha time (17:49 as typed, never the database's 14:49 UTC).
// - Item 9: withdrawing after the opportunity's withdrawal cut-off is refused, and the place stays.
// Each test makes its own opportunities (Eid Charity's coordinator, as the other journeys do).

const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 800 };

/**
 * The volunteers: demo accounts no other journey uses, one per language, not fresh registrations:
 * the other journeys already open about as many accounts as one address may in an hour
 * (throttle::REGISTRATION_PER_ADDRESS, 20). Neither has an approved shift in the demo data, and the
 * two tests of a language use times far apart (today, and two months on).
 * The Arabic one has not said their gender, so Arabic messages read in their neutral form
 * (`*[other]`); English has one form.
 */
const VOLUNTEER = { ar: "applicant@tam.qa", en: "volunteer3@tam.qa" } as const;

const MONTHS = {
  ar: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * A shift of one day as every page writes it (`datetime-range`, `date-long`, `month-N` in
 * common.ftl): "3 فبراير 2027، 17:49–19:49", "February 3, 2027, 17:49–19:49".
 */
function shiftAsShown(lang: "ar" | "en", day: string, from: string, to: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return lang === "ar"
    ? `${date} ${MONTHS.ar[month - 1]} ${year}، ${from}–${to}`
    : `${MONTHS.en[month - 1]} ${date}, ${year}, ${from}–${to}`;
}

/** The coordinator's signed-in session, made once per worker: a two-step code is accepted once,
 * and the account's codes are counted (throttle::LOGIN_CODE_PER_ACCOUNT, 10 in 15 minutes). */
let coordinatorState: Awaited<ReturnType<BrowserContext["storageState"]>>;

test.beforeAll(async ({ browser }, info) => {
  // Waiting for the next 30-second code may be needed.
  test.setTimeout(90_000);
  const context = await browser.newContext({ baseURL: info.project.use.baseURL, viewport: desktop });
  await logIn(await context.newPage(), "coordinator2@tam.qa", DEMO_PASSWORD);
  coordinatorState = await context.storageState();
  await context.close();
});

/** Eid Charity's coordinator publishes an opportunity for two, in Doha; its id. */
function createOpportunity(
  coordinator: Page,
  lang: "ar" | "en",
  o: { title: string; starts: string; ends: string; withdrawCutoff?: string },
): Promise<string> {
  const place = lang === "ar" ? "مركز جمعية عيد الخيرية، الدوحة" : "Eid Charity center, Doha";
  return publishOpportunity(coordinator, lang, { ...o, place, capacity: "2", withdrawCutoffHours: o.withdrawCutoff });
}

/** Logs the volunteer in, with a birth date saved (applying needs one). */
async function logInVolunteer(page: Page, lang: "ar" | "en") {
  await logIn(page, VOLUNTEER[lang], DEMO_PASSWORD);
  await page.goto("/me/profile");
  await hydrated(page);
  if ((await page.locator("#field-birth_date").inputValue()) === "") {
    await page.locator("#field-birth_date").fill("1994-03-03");
    await page.locator("form.form button[type=submit]").click();
    await page.waitForURL("**/me/profile?step=2&saved=1");
  }
}

/** The volunteer applies to the opportunity's (only) shift, and it waits for a decision. */
async function applyTo(page: Page, lang: "ar" | "en", id: string) {
  await page.goto(`/opportunities/${id}`);
  await hydrated(page);
  await page.locator("#field-shifts input[type=checkbox]").first().check();
  await page.getByTestId("opportunity").locator("form.form button[type=submit]").click();
  await page.waitForURL("**?applied=1");
  await expect(page.getByTestId("my-status")).toHaveText(lang === "ar" ? "بانتظار القرار" : "Waiting for a decision");
  await checkPage(page, lang);
}

/** The coordinator approves the volunteer's application to this opportunity, from the queue. */
async function approve(coordinator: Page, lang: "ar" | "en", id: string, title: string) {
  await coordinator.goto(`/org/applications?opportunity=${id}`);
  await hydrated(coordinator);
  await coordinator
    .getByTestId("queue-row")
    .filter({ hasText: title })
    .getByRole("button", { name: lang === "ar" ? "اقبل" : "Approve" })
    .click();
}

for (const lang of ["ar", "en"] as const) {
  const t = (ar: string, en: string) => (lang === "ar" ? ar : en);

  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang, viewport: phone });

    test("a shift at the same time as an approved one is refused when applying, and on approval, naming that shift in Doha time", async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      const tag = `${lang}-${Date.now() % 100000}`;
      // Two months on, so that nothing else of this volunteer's is near; typed in Qatar's time.
      const day = qatarDay(60);
      const first = { title: `${t("فرز التبرعات", "Sorting donations")} ${tag}`, starts: `${day}T17:49`, ends: `${day}T19:49` };
      const second = { title: `${t("تغليف الهدايا", "Wrapping gifts")} ${tag}`, starts: `${day}T18:30`, ends: `${day}T20:30` };
      const third = { title: `${t("استقبال الزوار", "Welcoming visitors")} ${tag}`, starts: `${day}T19:00`, ends: `${day}T21:00` };
      // 17:49 in Doha; in UTC it would read 14:49.
      const firstAsShown = shiftAsShown(lang, day, "17:49", "19:49");
      const named = `${first.title} (${firstAsShown})`;

      const coordinatorContext = await browser.newContext({ locale: lang, viewport: desktop, storageState: coordinatorState });
      const coordinator = await coordinatorContext.newPage();
      const firstId = await createOpportunity(coordinator, lang, first);
      await checkPage(coordinator, lang);
      const secondId = await createOpportunity(coordinator, lang, second);
      const thirdId = await createOpportunity(coordinator, lang, third);

      // The volunteer applies to the first two while neither is decided (allowed: nothing approved yet).
      await logInVolunteer(page, lang);
      await applyTo(page, lang, firstId);
      // The opportunity's page writes the first shift in Doha time, as the coordinator typed it.
      const listed = plain(await page.getByTestId("shifts").locator("li").first().textContent()).split(" · ")[0];
      expect(listed, "the shift's hours as typed, in Doha time").toBe(firstAsShown);
      await applyTo(page, lang, secondId);

      // The coordinator approves the first; approving the second is refused, naming the first in
      // the coordinator's language and Doha time (err-shift-clash).
      await approve(coordinator, lang, firstId, first.title);
      await expect(coordinator.getByTestId("queue-row").filter({ hasText: first.title })).toHaveCount(0);
      await approve(coordinator, lang, secondId, second.title);
      const refused = coordinator.getByTestId("queue-row").filter({ hasText: second.title }).locator(".form-error");
      await expect(refused).toBeVisible();
      const refusal = plain(await refused.textContent());
      expect(refusal).toBe(
        t(
          `يتعارض هذا الطلب مع قبول سابق في مناوبة أخرى في الوقت نفسه: ${named}.`,
          `This volunteer is already approved for a shift at the same time: ${named}.`,
        ),
      );
      expect(refusal, "Doha time, not UTC").not.toContain("14:49");
      await checkPage(coordinator, lang);

      // Now approved for the first: applying to the third, at the same time, is refused at once,
      // in the page's language, naming the first in Doha time (err-apply-clash, neutral in Arabic).
      await page.goto(`/opportunities/${thirdId}`);
      await hydrated(page);
      await page.locator("#field-shifts input[type=checkbox]").first().check();
      await page.getByTestId("opportunity").locator("form.form button[type=submit]").click();
      const told = page.getByTestId("opportunity").getByTestId("form-error");
      const expected = t(
        `لديك مكان في مناوبة أخرى في الوقت نفسه: ${named}. يلزم الانسحاب منها أولًا للتقدم إلى هذه.`,
        `You already have a place on a shift at the same time: ${named}. Withdraw from it first if you want this one.`,
      );
      await expect.poll(async () => plain(await told.textContent())).toBe(expected);
      expect(plain(await told.textContent()), "Doha time, not UTC").not.toContain("14:49");
      expect(new URL(page.url()).searchParams.has("applied")).toBe(false);
      await checkPage(page, lang);

      // Nothing was sent: the third still offers its shift, and no application of it exists.
      await page.reload();
      await hydrated(page);
      await expect(page.getByTestId("my-status")).toHaveCount(0);
      await expect(page.locator("#field-shifts input[type=checkbox]")).toHaveCount(1);
      await page.goto("/me");
      const mine = page.getByTestId("my-application");
      await expect(mine.filter({ hasText: first.title })).toHaveAttribute("data-status", "approved");
      await expect(mine.filter({ hasText: second.title })).toHaveAttribute("data-status", "pending");
      await expect(mine.filter({ hasText: third.title })).toHaveCount(0);
      await checkPage(page, lang);
      await coordinatorContext.close();
    });

    test("withdrawing after the cut-off is refused with the reason, and the place stays", async ({ page, browser }) => {
      test.setTimeout(150_000);
      const title = `${t("تنظيم طابور الوجبات", "Meal queue stewards")} ${lang}-${Date.now() % 100000}`;

      // A shift in three hours whose withdrawal closes an hour before it: still open for now.
      const coordinatorContext = await browser.newContext({ locale: lang, viewport: desktop, storageState: coordinatorState });
      const coordinator = await coordinatorContext.newPage();
      const id = await createOpportunity(coordinator, lang, {
        title,
        starts: qatarTime(180),
        ends: qatarTime(300),
        withdrawCutoff: "1",
      });

      await logInVolunteer(page, lang);
      await applyTo(page, lang, id);
      await approve(coordinator, lang, id, title);
      await expect(coordinator.getByTestId("queue-row").filter({ hasText: title })).toHaveCount(0);

      // The volunteer's page, opened while withdrawing is allowed, offers it.
      await page.goto("/me");
      const card = page.getByTestId("my-application").filter({ hasText: title });
      await expect(card).toHaveAttribute("data-status", "approved");
      await expect(card.getByTestId("application-status")).toHaveText(t("مقبول", "Approved"));
      await expect(card.getByTestId("withdraw-closed")).toHaveCount(0);
      await expect(card.getByTestId("confirm-open")).toBeVisible();
      await checkPage(page, lang);

      // While that page stays open the cut-off passes: the organization moves it to 24 hours
      // before the shift, which starts in three.
      await coordinator.goto(`/org/opportunities/${id}`);
      await hydrated(coordinator);
      await coordinator.locator("#field-details-withdraw_cutoff_hours").fill("24");
      await coordinator.getByRole("button", { name: t("احفظ التفاصيل", "Save the details"), exact: true }).click();
      await coordinator.waitForURL(`**/org/opportunities/${id}?saved=1`);
      await expect(coordinator.locator("#field-details-withdraw_cutoff_hours")).toHaveValue("24");
      await checkPage(coordinator, lang);

      // The volunteer withdraws from the page still open, and confirms: refused, and told why
      // (err-withdraw-closed, neutral in Arabic). Before the fix this went through, counted as late.
      await card.getByTestId("confirm-open").click();
      await card.locator("details.confirm[open] button.button.danger").click();
      const told = card.getByTestId("form-error");
      await expect
        .poll(async () => plain(await told.textContent()))
        .toBe(
          t(
            "انتهت مهلة الانسحاب من هذه المناوبة. إن تعذّر عليك الحضور فيُرجى إبلاغ الجهة المنظِّمة.",
            "The time to withdraw from this shift has passed. If you cannot come, tell the organization.",
          ),
        );
      expect(new URL(page.url()).pathname).toBe("/me");
      await checkPage(page, lang);

      // Nothing changed: still approved after a reload; Withdraw is no longer offered, and the card
      // says why (me-withdraw-closed).
      await page.reload();
      await hydrated(page);
      await expect(card).toHaveAttribute("data-status", "approved");
      await expect(card.getByTestId("application-status")).toHaveText(t("مقبول", "Approved"));
      await expect(card.getByTestId("confirm-open")).toHaveCount(0);
      expect(plain(await card.getByTestId("withdraw-closed").textContent())).toBe(
        t(
          "انتهت مهلة الانسحاب. إن تعذّر عليك الحضور فيُرجى إبلاغ الجهة المنظِّمة.",
          "The time to withdraw has passed. If you cannot come, tell the organization.",
        ),
      );
      await checkPage(page, lang);

      // The opportunity advertises the cut-off, and the place is still the volunteer's (hours-before).
      await page.goto(`/opportunities/${id}`);
      await expect(page.getByTestId("my-status")).toHaveText(t("مقبول", "Approved"));
      expect(plain(await page.getByTestId("opportunity").locator("dl.details").textContent())).toContain(
        t("قبل المناوبة بـ24 ساعة", "24 hours before the shift"),
      );
      await checkPage(page, lang);
      // The organization still counts the seat taken (opportunity-seats).
      await coordinator.goto("/org/opportunities");
      expect(plain(await coordinator.getByTestId("org-opportunity").filter({ hasText: title }).textContent())).toContain(
        t("1 من 2 مشغولة", "1 of 2 taken"),
      );
      await coordinatorContext.close();
    });
  });
}
