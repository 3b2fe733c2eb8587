import { expect, test, ADMIN_PASSWORD, DEMO_PASSWORD, checkPage, logIn, plain, turnOnTwoStep } from "./helpers";

for (const lang of ["ar", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    // Arabic on a 360 px phone, English on a desktop: both directions, both extremes of width.
    test.use({ locale: lang, viewport: lang === "ar" ? { width: 360, height: 740 } : { width: 1280, height: 800 } });

    test("a volunteer is refused /admin and /org with a translated 403", async ({ page }) => {
      await logIn(page, "volunteer@tam.qa", DEMO_PASSWORD);
      for (const path of ["/admin", "/org"]) {
        const res = await page.goto(path);
        expect(res?.status()).toBe(403);
        await expect(page.getByTestId("forbidden")).toBeVisible();
        // Fatima's profile says she is a woman: Arabic addresses her as one.
        await expect(page.locator("h1")).toHaveText(lang === "ar" ? "لا تملكين صلاحية الوصول" : "You do not have access");
        await expect(page.getByTestId("admin")).toHaveCount(0);
        await expect(page.getByText("Qatar Red Crescent")).toHaveCount(0);
        await checkPage(page, lang);
      }
      // The navigation does not offer what the volunteer may not open.
      await expect(page.getByRole("link", { name: lang === "ar" ? "الإدارة" : "Administration" })).toHaveCount(0);
    });

    test("a coordinator sees their organization", async ({ page }) => {
      await logIn(page, "coordinator@tam.qa", DEMO_PASSWORD);
      await checkPage(page, lang);
      await page.getByRole("link", { name: lang === "ar" ? "منظمتي" : "My organization" }).click();
      await page.waitForURL("**/org");
      await expect(page.getByTestId("org")).toBeVisible();
      await expect(page.locator("h1")).toHaveText(lang === "ar" ? "الهلال الأحمر القطري" : "Qatar Red Crescent");
      expect(plain(await page.getByTestId("coordinator-count").textContent())).toBe(
        lang === "ar" ? "منسق واحد" : "1 coordinator",
      );
      await checkPage(page, lang);
    });

    test("an admin turns on two-step sign-in, then sees the counters, the audit log and the outbox", async ({
      page,
    }) => {
      // Six pages, each checked by axe; the outbox grows with every mail the suite sends.
      test.setTimeout(90_000);
      // A new admin (tam create-admin) has no second factor yet: nothing of the admin area opens.
      await logIn(page, `admin-${lang}@tam.qa`, ADMIN_PASSWORD, "");
      let res = await page.goto("/admin");
      expect(res?.status()).toBe(403);
      await expect(page.getByTestId("mfa-required")).toBeVisible();
      await expect(page.getByTestId("admin")).toHaveCount(0);
      await checkPage(page, lang);
      await page.getByRole("link", { name: lang === "ar" ? "الانتقال إلى إعدادات الأمان" : "Go to security settings" }).click();
      await page.waitForURL("**/me/security");
      await checkPage(page, lang);
      await turnOnTwoStep(page, lang);

      res = await page.goto("/admin");
      expect(res?.status()).toBe(200);
      await expect(page.getByTestId("admin")).toBeVisible();
      // Volunteers, organizations, coordinators, and applications waiting for review.
      await expect(page.getByTestId("admin").locator(".stat")).toHaveCount(4);
      // The three demo organizations (and any that other journeys had approved by now).
      for (const name of lang === "ar" ? ["الهلال الأحمر القطري", "جمعية عيد الخيرية", "مركز الدوحة الأخضر"] : ["Qatar Red Crescent", "Eid Charity", "Doha Green Center"]) {
        await expect(page.getByTestId("admin").locator("tbody tr").filter({ hasText: name })).toHaveCount(1);
      }
      await checkPage(page, lang);

      // The country's dashboard: live counters, charts with their tables, filtered by months and
      // an organization (the address keeps the filter); a month that cannot be read is refused.
      const dashboard = page.getByTestId("dashboard");
      await expect(dashboard.getByTestId("dashboard-counters").locator(".stat")).toHaveCount(3);
      await expect(dashboard.locator("figure.chart svg[role=img]").first()).toBeVisible();
      await expect(page.getByTestId("chart-dash-hours")).toBeVisible();
      await dashboard.locator("#dashboard-from").fill("2026-01");
      await dashboard.locator("#dashboard-organization").selectOption({ label: lang === "ar" ? "الهلال الأحمر القطري" : "Qatar Red Crescent" });
      await dashboard.getByTestId("dashboard-apply").click();
      await page.waitForURL("**/admin?**organization=**");
      await expect(page.getByTestId("chart-dash-hours")).toBeVisible();
      await expect(page.locator("#dashboard-organization")).not.toHaveValue("");
      // The data table behind a chart opens, and the CSV of a table downloads.
      await page.getByTestId("chart-dash-funnel").locator("summary").click();
      await expect(page.getByTestId("chart-dash-funnel").locator("table tbody tr")).toHaveCount(5);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-funnel").click()]);
      expect(download.suggestedFilename()).toMatch(/^tam-funnel-.*\.csv$/);
      await checkPage(page, lang);
      await page.goto("/admin?from=2026-13");
      await expect(page.locator("#dashboard-from-error")).not.toBeEmpty();
      await page.goto("/admin");

      // The audit log has this admin's own steps, filtered by account and kind.
      await page.getByRole("link", { name: lang === "ar" ? "سجل التدقيق" : "Audit log" }).click();
      await page.waitForURL("**/admin/audit");
      await checkPage(page, lang);
      await page.locator("#audit-user").fill(`admin-${lang}@tam.qa`);
      await page.locator("#audit-kind").selectOption("mfa-enabled");
      await page.getByRole("button", { name: lang === "ar" ? "تصفية" : "Filter" }).click();
      await page.waitForURL("**/admin/audit?**");
      await expect(page.getByTestId("audit-row")).toHaveCount(1);
      await checkPage(page, lang);
      // A date that cannot be read is refused next to its field.
      await page.goto("/admin/audit?from=30-11");
      await expect(page.locator("#audit-from-error")).not.toBeEmpty();
      await expect(page.locator("#audit-from")).toHaveAttribute("aria-invalid", "true");

      await page.goto("/admin/outbox");
      await expect(page.getByTestId("outbox-row").first()).toBeVisible();
      await checkPage(page, lang);
    });

    test("public pages pass their checks", async ({ page }) => {
      for (const path of ["/", "/login", "/register"]) {
        await page.goto(path);
        await checkPage(page, lang);
      }
      const missing = await page.goto("/no-such-page");
      expect(missing?.status()).toBe(404);
      await checkPage(page, lang);
      // The home page counts volunteers with the right plural form.
      await page.goto("/");
      await expect(page.getByTestId("home-counts")).toContainText(lang === "ar" ? "متطوع" : "volunteers");
    });
  });
}
