import { expect, test, checkPage, hydrated, logIn, qatarTime, uniqueEmail } from "./helpers";

for (const lang of ["ar", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang, viewport: { width: 360, height: 740 } });
    const t = (ar: string, en: string) => (lang === "ar" ? ar : en);

    test("a coordinator publishes a course, a volunteer enrols, attends and holds its qualification", async ({
      page,
      browser,
    }) => {
      test.setTimeout(120_000);
      const title = `${t("سلامة الغذاء في المطابخ الخيرية", "Food safety in charity kitchens")} ${lang}-${Date.now() % 100000}`;
      const coordinatorContext = await browser.newContext({ locale: lang, viewport: { width: 360, height: 740 } });
      const coordinator = await coordinatorContext.newPage();
      await logIn(coordinator, "coordinator2@tam.qa", "tam-demo-2026");
      await coordinator.goto("/org/training");
      await hydrated(coordinator);
      await checkPage(coordinator, lang);
      // Refused field by field first: no title, no time.
      await coordinator.getByRole("button", { name: t("انشر الدورة", "Publish the course") }).click();
      await expect(coordinator.locator("#field-course-title_ar-error")).not.toBeEmpty();
      await expect(coordinator.locator("#field-course-starts-error")).not.toBeEmpty();
      await coordinator.locator(lang === "ar" ? "#field-course-title_ar" : "#field-course-title_en").fill(title);
      await coordinator.locator("#field-course-qualification").selectOption({ label: t("سلامة الغذاء", "Food safety") });
      await coordinator.locator("#field-course-valid_months").fill("12");
      await coordinator.locator("#field-course-starts").fill(qatarTime(30));
      await coordinator.locator("#field-course-ends").fill(qatarTime(90));
      await coordinator.locator("#field-course-capacity").fill("5");
      await coordinator.getByRole("button", { name: t("انشر الدورة", "Publish the course") }).click();
      await coordinator.waitForURL("**/org/training?created=1");
      await coordinator.getByTestId("course").filter({ hasText: title }).getByRole("link").click();
      await coordinator.waitForURL(/\/org\/training\/\d+$/);
      const courseId = coordinator.url().split("/").pop();

      // A new volunteer finds it under Training and enrols.
      await page.goto("/register");
      await hydrated(page);
      await page.locator("#field-full_name").fill(t("ريم المهندي", "Reem Al-Muhannadi"));
      await page.locator("#field-email").fill(uniqueEmail(`course-${lang}`));
      await page.locator("#field-password").fill("palm fronds in the morning breeze");
      await page.locator("#field-accept-policies").check();
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me");
      await expect(page.getByTestId("qualifications-empty")).toBeVisible();
      await page.getByTestId("training-link").click();
      await page.waitForURL("**/training");
      await checkPage(page, lang);
      await page.getByTestId("course").filter({ hasText: title }).getByRole("link").click();
      await page.waitForURL(`**/training/${courseId}`);
      await hydrated(page);
      await expect(page.getByTestId("course-grants")).toContainText(t("سلامة الغذاء", "Food safety"));
      await page.getByRole("button", { name: t("سجّل", "Enrol") }).click();
      await page.waitForURL("**?done=1");
      // Reem has not said her gender: the neutral form.
      await expect(page.getByTestId("course-status")).toHaveText(t("تم تسجيلك", "You are enrolled"));
      await checkPage(page, lang);

      // The coordinator marks them present at the (only) session: they complete the course.
      await coordinator.reload();
      await hydrated(coordinator);
      await coordinator.getByTestId("course-session").first().getByRole("checkbox").first().check();
      await coordinator.getByRole("button", { name: t("احفظ الحضور", "Save attendance") }).first().click();
      await coordinator.waitForURL("**?marked=1");
      await expect(coordinator.getByTestId("course-person").first()).toContainText(t("إتمام الدورة", "Completed the course"));
      await checkPage(coordinator, lang);
      await coordinatorContext.close();

      // The volunteer holds the qualification, valid for twelve months.
      await page.goto("/me");
      await expect(page.getByTestId("qualification").filter({ hasText: t("سلامة الغذاء", "Food safety") })).toContainText(
        t("صالح حتى", "valid until"),
      );
      await checkPage(page, lang);
    });
  });
}
