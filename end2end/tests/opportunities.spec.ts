import { expect, test, checkPage, hydrated, live, logIn, plain, stillSamePage, uniqueEmail } from "./helpers";

for (const lang of ["ar", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang, viewport: { width: 360, height: 740 } });
    const t = (ar: string, en: string) => (lang === "ar" ? ar : en);

    test("a coordinator publishes an opportunity, a volunteer finds it with filters and applies, the coordinator sees it and approves, live", async ({
      page,
      browser,
    }) => {
      test.setTimeout(120_000);
      const title = `${t("تنظيف شاطئ الوكرة", "Al Wakrah beach clean-up")} ${lang}-${Date.now() % 100000}`;

      // The coordinator creates a draft with a weekly series of two shifts, then publishes it.
      const coordinatorContext = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 800 } });
      const coordinator = await coordinatorContext.newPage();
      // Eid Charity's coordinator: the roles journey logs in as the other one, and a code is accepted once.
      await logIn(coordinator, "coordinator2@tam.qa", "tam-demo-2026");
      await coordinator.goto("/org/opportunities");
      await checkPage(coordinator, lang);
      await coordinator.locator(lang === "ar" ? "#field-title_ar" : "#field-title_en").fill(title);
      await coordinator.locator("#field-cause").selectOption("environment");
      await coordinator.locator("#field-municipality").selectOption("al-wakrah");
      await coordinator.locator("#field-place").fill(t("شاطئ الوكرة العام", "Al Wakrah public beach"));
      await coordinator.locator("#field-starts").fill("2030-03-02T07:00");
      await coordinator.locator("#field-ends").fill("2030-03-02T06:00");
      await coordinator.locator("#field-capacity").fill("٣");
      await coordinator.locator("#field-weeks").fill("2");
      await coordinator.locator("form.form button[type=submit]").last().click();
      await expect(coordinator.locator("#field-ends-error")).not.toBeEmpty();
      await checkPage(coordinator, lang);
      await coordinator.locator("#field-ends").fill("2030-03-02T10:00");
      await coordinator.locator("form.form button[type=submit]").last().click();
      await coordinator.waitForURL("**/org/opportunities?created=1");
      const card = coordinator.getByTestId("org-opportunity").filter({ hasText: title });
      await expect(card).toContainText(t("مسودة", "Draft"));
      await card.getByRole("button", { name: t("انشر", "Publish") }).click();
      await expect(coordinator.getByTestId("org-opportunity").filter({ hasText: title })).toContainText(
        t("منشورة", "Published"),
      );
      // Its editor offers the network's qualifications to require; none is kept, so anyone may apply.
      await coordinator.getByTestId("org-opportunity").filter({ hasText: title }).getByTestId("edit-link").click();
      await coordinator.waitForURL(/\/org\/opportunities\/\d+$/);
      const required = coordinator.locator("#field-details-required_qualification");
      await expect(required).toHaveValue("");
      await expect(required.locator("option")).toContainText([t("الإسعافات الأولية", "First aid")]);
      await checkPage(coordinator, lang);

      // A volunteer finds it with filters (the list's address carries them) and applies.
      const email = uniqueEmail(`apply-${lang}`);
      await page.goto("/register");
      await hydrated(page);
      await page.locator("#field-full_name").fill(t("ريم المهندي", "Reem Al-Muhannadi"));
      await page.locator("#field-email").fill(email);
      await page.locator("#field-password").fill("saffron dhow at the corniche");
      await page.locator("#field-accept-policies").check();
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me");
      await page.goto("/me/profile");
      await hydrated(page);
      await page.locator("#field-birth_date").fill("1999-05-05");
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me/profile?step=2&saved=1");

      // The coordinator keeps the queue open while the volunteer looks.
      await coordinator.goto("/org/applications");
      await live(coordinator);
      await checkPage(coordinator, lang);

      await page.goto("/opportunities");
      await checkPage(page, lang);
      // On a phone the filters wait behind their button.
      if (await page.getByTestId("filter-open").isVisible()) await page.getByTestId("filter-open").click();
      await page.locator("#filter-cause").selectOption("environment");
      await page.locator("#filter-municipality").selectOption("al-wakrah");
      await page.locator("#filter-seats").check();
      await page.locator("form.filters button[type=submit]").click();
      await page.waitForURL(/\/opportunities\?.*cause=environment/);
      expect(new URL(page.url()).searchParams.get("municipality")).toBe("al-wakrah");
      const found = page.getByTestId("opportunity-card").filter({ hasText: title });
      await expect(found).toHaveCount(1);
      expect(plain(await found.getByTestId("seats").textContent())).toContain(t("0 من 6", "0 of 6"));
      await checkPage(page, lang);
      await found.getByRole("link").click();
      await page.waitForURL(/\/opportunities\/\d+$/);
      await checkPage(page, lang);
      await page.locator("#field-shifts input[type=checkbox]").first().check();
      await page.locator("#field-motivation").fill(t("أحب البحر وأسكن قريبًا منه.", "I love the sea and live nearby."));
      await page.locator("form.form button[type=submit]").last().click();
      await page.waitForURL("**?applied=1");
      await expect(page.getByTestId("my-status")).toHaveText(t("بانتظار القرار", "Waiting for a decision"));
      await checkPage(page, lang);

      // The application appears in the coordinator's open queue without a reload.
      const row = coordinator.getByTestId("queue-row").filter({ hasText: title });
      await expect(row).toHaveCount(1);
      expect(await stillSamePage(coordinator)).toBe(true);
      await checkPage(coordinator, lang);

      // The volunteer keeps their page open; the coordinator approves; the decision shows there
      // without a reload, and the bell counts it.
      await page.goto("/me");
      await live(page);
      const mine = page.getByTestId("my-application").filter({ hasText: title });
      await expect(mine.getByTestId("application-status")).toHaveText(t("بانتظار القرار", "Waiting for a decision"));
      await row.getByRole("button", { name: t("اقبل", "Approve") }).click();
      await expect(coordinator.getByTestId("queue-row").filter({ hasText: title })).toHaveCount(0);
      await expect(mine.getByTestId("application-status")).toHaveText(t("مقبول", "Approved"));
      await expect(page.getByTestId("bell-count")).toHaveText(t("1", "1"));
      expect(await stillSamePage(page)).toBe(true);
      await checkPage(page, lang);

      // The queue filters by state (an address to come back to): the approved one is in neither.
      await coordinator.locator("#queue-state").selectOption("waitlisted");
      await coordinator.locator("form.filters button[type=submit]").click();
      await coordinator.waitForURL(/\/org\/applications\?.*state=waitlisted/);
      await expect(coordinator.locator("#queue-state")).toHaveValue("waitlisted");
      await expect(coordinator.getByTestId("queue-row").filter({ hasText: title })).toHaveCount(0);
      await checkPage(coordinator, lang);

      // The notification reads in the volunteer's language.
      await page.getByTestId("bell").click();
      await page.waitForURL("**/me/notifications");
      await expect(page.getByTestId("notice").first()).toContainText(title);
      await checkPage(page, lang);
      await coordinatorContext.close();
    });
  });
}
