import { expect, test, checkPage, hydrated, live, logIn, plain, qatarTime, stillSamePage, uniqueEmail } from "./helpers";

for (const lang of ["ar", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang, viewport: { width: 360, height: 740 } });
    const t = (ar: string, en: string) => (lang === "ar" ? ar : en);

    test("a coordinator checks a volunteer in with the shift's rotating code, and the volunteer's hours count it", async ({
      page,
      browser,
    }) => {
      test.setTimeout(150_000);
      const title = `${t("تنظيم مداخل الملعب", "Stadium gate stewards")} ${lang}-${Date.now() % 100000}`;

      // A shift starting in half an hour, two hours long: check-in is open.
      const coordinatorContext = await browser.newContext({ locale: lang, viewport: { width: 360, height: 740 } });
      const coordinator = await coordinatorContext.newPage();
      await logIn(coordinator, "coordinator2@tam.qa", "tam-demo-2026");
      await coordinator.goto("/org/opportunities");
      await hydrated(coordinator);
      await coordinator.locator(lang === "ar" ? "#field-title_ar" : "#field-title_en").fill(title);
      await coordinator.locator("#field-cause").selectOption("sports");
      await coordinator.locator("#field-municipality").selectOption("al-rayyan");
      await coordinator.locator("#field-place").fill(t("استاد أحمد بن علي", "Ahmad bin Ali Stadium"));
      await coordinator.locator("#field-starts").fill(qatarTime(30));
      await coordinator.locator("#field-ends").fill(qatarTime(150));
      await coordinator.locator("#field-capacity").fill("2");
      await coordinator.locator("form.form button[type=submit]").last().click();
      await coordinator.waitForURL("**/org/opportunities?created=1");
      const card = coordinator.getByTestId("org-opportunity").filter({ hasText: title });
      await card.getByRole("button", { name: t("انشر", "Publish") }).click();
      await expect(coordinator.getByTestId("org-opportunity").filter({ hasText: title })).toContainText(
        t("منشورة", "Published"),
      );
      const editHref = await coordinator
        .getByTestId("org-opportunity")
        .filter({ hasText: title })
        .getByTestId("edit-link")
        .getAttribute("href");
      const opportunityId = editHref!.split("/").pop();

      // A new volunteer applies; the coordinator approves.
      await page.goto("/register");
      await hydrated(page);
      await page.locator("#field-full_name").fill(t("سارة الكبيسي", "Sara Al-Kubaisi"));
      await page.locator("#field-email").fill(uniqueEmail(`checkin-${lang}`));
      await page.locator("#field-password").fill("lanterns over the souq waqif");
      await page.locator("#field-accept-policies").check();
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me");
      await expect(page.getByTestId("hours-empty")).toBeVisible();
      await page.goto("/me/profile");
      await hydrated(page);
      await page.locator("#field-birth_date").fill("1998-02-02");
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me/profile?step=2&saved=1");
      await page.goto(`/opportunities/${opportunityId}`);
      await hydrated(page);
      await page.locator("#field-shifts input[type=checkbox]").first().check();
      await page.locator("form.form button[type=submit]").last().click();
      await page.waitForURL("**?applied=1");
      await coordinator.goto("/org/applications");
      await hydrated(coordinator);
      const row = coordinator.getByTestId("queue-row").filter({ hasText: title });
      await row.getByRole("button", { name: t("اقبل", "Approve") }).click();
      await expect(coordinator.getByTestId("queue-row").filter({ hasText: title })).toHaveCount(0);

      // The roster links to the check-in screen, whose code the volunteer's phone opens.
      await coordinator.goto("/org/opportunities");
      await coordinator
        .getByTestId("org-opportunity")
        .filter({ hasText: title })
        .getByTestId("roster-link")
        .first()
        .click();
      await coordinator.waitForURL(/\/org\/shifts\/\d+$/);
      await expect(coordinator.getByTestId("attendance").first()).toHaveText(t("لم يُسجَّل بعد", "Not marked yet"));
      await checkPage(coordinator, lang);
      await coordinator.getByTestId("checkin-screen-link").click();
      await coordinator.waitForURL(/\/org\/shifts\/\d+\/checkin$/);
      await live(coordinator);
      await checkPage(coordinator, lang);
      const first = await coordinator.getByTestId("checkin-link").getAttribute("href");
      expect(first).toMatch(/\/checkin\/\d+\?t=\d+&c=[0-9a-f]{20}$/);
      // The code changes on the open screen within 30 seconds (and a few for the screen to fetch it).
      await expect
        .poll(() => coordinator.getByTestId("checkin-link").getAttribute("href"), { timeout: 40_000 })
        .not.toBe(first);
      expect(await stillSamePage(coordinator)).toBe(true);
      await checkPage(coordinator, lang);
      const link = await coordinator.getByTestId("checkin-link").getAttribute("href");

      // A code changed by one character is refused; the real one checks the volunteer in.
      const forged = link!.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
      await page.goto(forged);
      await expect(page.getByTestId("checkin-refused")).toContainText(
        t("رمز تسجيل الحضور هذا غير صالح", "This check-in code is not valid"),
      );
      await checkPage(page, lang);
      await page.goto(link!);
      await expect(page.getByTestId("checked-in")).toContainText(t("تم تسجيل حضورك", "You are checked in"));
      await checkPage(page, lang);

      // Checked in before the start: the whole two-hour shift counts, on /me and on the roster.
      await page.goto("/me");
      expect(plain(await page.getByTestId("hours-total").textContent())).toBe(t("ساعتان", "2 hours"));
      await checkPage(page, lang);
      await coordinator.goBack();
      await coordinator.reload();
      await expect(coordinator.getByTestId("attendance").first()).toContainText(t("حضور", "Present"));
      await checkPage(coordinator, lang);

      // The volunteer reports an hour and a half of other work to the same organization; its
      // coordinator approves it beside the applications queue, and the total grows.
      await hydrated(page);
      await page.locator("#field-hours-organization").selectOption({ index: 1 });
      await page.locator("#field-hours-activity").fill(t("فرز التبرعات العينية", "Sorting donated goods"));
      await page.locator("#field-hours-date").fill(new Date().toISOString().slice(0, 10));
      await page.locator("#field-hours-hours").fill("30");
      await page.getByRole("button", { name: t("أرسل للاعتماد", "Send for approval") }).click();
      await expect(page.locator("#field-hours-hours-error")).not.toBeEmpty();
      await page.locator("#field-hours-hours").fill(t("١٫٥", "1.5"));
      await page.getByRole("button", { name: t("أرسل للاعتماد", "Send for approval") }).click();
      await page.waitForURL("**/me?reported=1");
      await expect(page.getByTestId("hours-report-status").first()).toHaveText(t("بانتظار الجهة", "waiting for the organization"));
      await checkPage(page, lang);
      await coordinator.goto("/org/applications");
      await coordinator.getByTestId("org-hours-link").click();
      await coordinator.waitForURL("**/org/hours");
      await hydrated(coordinator);
      const reported = coordinator.getByTestId("org-hours-row").filter({ hasText: t("فرز التبرعات العينية", "Sorting donated goods") });
      await expect(reported).toHaveCount(1);
      await checkPage(coordinator, lang);
      await reported.getByRole("button", { name: t("اقبل", "Approve") }).click();
      await expect(coordinator.getByTestId("org-hours-row").filter({ hasText: t("فرز التبرعات العينية", "Sorting donated goods") })).toHaveCount(0);
      await page.goto("/me");
      expect(plain(await page.getByTestId("hours-total").textContent())).toBe(t("3.5 ساعات", "3.5 hours"));
      // The tier's progress moved with the hours.
      await expect(page.getByTestId("tier-progress").locator("progress")).toHaveAttribute("value", "210");
      await expect(page.getByTestId("tier-progress")).toContainText(t("للوصول إلى مستوى", "hours to"));
      await checkPage(page, lang);
      await coordinatorContext.close();

      // A certificate of all the hours: printed, and its QR link verifies on a public page.
      await hydrated(page);
      await page.locator("#field-certificate-scope").selectOption("all");
      await page.getByRole("button", { name: t("أصدر الشهادة", "Issue the certificate") }).click();
      await page.waitForURL("**/me?issued=1#certificates");
      const issued = page.getByTestId("certificate-row").first();
      await expect(issued).toContainText(t("قائمة", "Stands"));
      await issued.getByRole("link").click();
      await page.waitForURL("**/me/certificates/**");
      await expect(page.getByTestId("certificate").locator("[lang=ar] .certificate-statement")).toContainText("3.5");
      await expect(page.getByTestId("certificate").locator("[lang=en] .certificate-statement")).toContainText(/3\.5[\u2068\u2069]* hours/);
      await checkPage(page, lang);
      const verifyLink = await page.getByTestId("certificate-link").getAttribute("href");
      expect(verifyLink).toMatch(/\/verify\/[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}$/);
      const visitor = await browser.newContext({ locale: lang, viewport: { width: 360, height: 740 } });
      const anyone = await visitor.newPage();
      await anyone.goto(new URL(verifyLink!).pathname);
      await expect(anyone.getByTestId("verify-status")).toHaveAttribute("data-status", "valid");
      await checkPage(anyone, lang);
      // One character changed: not Tam's.
      const path = new URL(verifyLink!).pathname;
      const altered = path.slice(0, -1) + (path.endsWith("A") ? "B" : "A");
      await anyone.goto(altered);
      await expect(anyone.getByTestId("verify-status")).toHaveAttribute("data-status", "invalid");
      // The public national picture.
      await anyone.goto("/impact");
      await expect(anyone.getByTestId("impact")).toBeVisible();
      await checkPage(anyone, lang);
      await visitor.close();
    });
  });
}
