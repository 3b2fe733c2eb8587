import { expect, test, checkPage, hydrated, logIn, turnOnTwoStep, uniqueEmail, ADMIN_PASSWORD } from "./helpers";
import { waitForMail } from "./mail";

/** Registers through the form (accepting the privacy notice and charter) and lands on `next`. */
async function register(page: import("@playwright/test").Page, name: string, email: string, password: string) {
  await hydrated(page);
  await page.locator("#field-full_name").fill(name);
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("#field-accept-policies").check();
  await page.locator("form.form button[type=submit]").click();
}

/** The path and query of the first link to this site in a mail's text. */
function linkIn(text: string, path: RegExp): string {
  const match = new RegExp(`https?://\\S+${path.source}[\\w=?&-]*`).exec(text);
  expect(match, `a link matching ${path} in: ${text}`).not.toBeNull();
  const url = new URL(match![0]);
  return url.pathname + url.search;
}

for (const lang of ["ar", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    // Both journeys on a 360 px phone.
    test.use({ locale: lang, viewport: { width: 360, height: 740 } });
    const t = (ar: string, en: string) => (lang === "ar" ? ar : en);

    test("a volunteer completes the profile step by step", async ({ page }) => {
      test.setTimeout(90_000);
      const email = uniqueEmail(`profile-${lang}`);
      await page.goto("/register");
      await register(page, t("سارة المري", "Sara Al-Marri"), email, "saffron dhow at the corniche");
      await page.waitForURL("**/me");
      await expect(page.getByTestId("me-completeness")).toContainText("0");
      await page.getByRole("link", { name: t("أكمل ملفك", "Complete your profile") }).click();
      await page.waitForURL("**/me/profile");
      await checkPage(page, lang);

      // Step 1, with a mistake first: the error is next to its field, in the page's language.
      await page.locator("#field-name_ar").fill("سارة المري");
      await page.locator("#field-name_latin").fill("Sara Al-Marri");
      await page.locator("#field-mobile").fill("١٢٣");
      await page.locator("#field-birth_date").fill("1998-03-15");
      await page.locator("#field-gender").selectOption("female");
      await page.locator("#field-nationality").selectOption("QA");
      await page.locator("#field-municipality").selectOption("al-rayyan");
      await page.locator("#field-education").selectOption("bachelor");
      await page.locator("form.form button[type=submit]").click();
      await expect(page.locator("#field-mobile-error")).toContainText(t("جوال قطري", "Qatar mobile"));
      await expect(page.locator("#field-mobile")).toBeFocused();
      await expect(page.locator("#field-name_latin")).toHaveValue("Sara Al-Marri");
      await checkPage(page, lang);
      // Arabic-Indic digits are read as digits.
      await page.locator("#field-mobile").fill("٥٥٥٥ ١٢٣٤");
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me/profile?step=2&saved=1");
      await expect(page.getByTestId("saved")).toBeVisible();
      await checkPage(page, lang);

      // Step 2: languages, skills, causes.
      for (const id of ["languages-ar", "languages-en", "skills-first-aid", "skills-translation", "causes-health"]) {
        await page.locator(`#field-${id}`).check();
      }
      await page.locator("#field-skills_other").fill("الخط العربي");
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me/profile?step=3&saved=1");
      await checkPage(page, lang);

      // Step 3: the week.
      await page.locator("#field-availability-sat-morning").check();
      await page.locator("#field-availability-thu-evening").check();
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me/profile?step=4&saved=1");
      await checkPage(page, lang);

      // Step 4: the emergency contact; an adult names no guardian.
      await page.locator("#field-emergency_name").fill("مريم المري");
      await page.locator("#field-emergency_phone").fill("33123456");
      await page.locator("#field-emergency_relation").fill(t("أخت", "Sister"));
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me?profile=saved");
      await expect(page.getByTestId("me-completeness")).toContainText("100");
      await checkPage(page, lang);

      // Back on step 2, what was saved is ticked.
      await page.goto("/me/profile?step=2");
      await expect(page.locator("#field-skills-first-aid")).toBeChecked();
      await expect(page.locator("#field-skills-it")).not.toBeChecked();
      await expect(page.locator("#field-skills_other")).toHaveValue("الخط العربي");

      // Her data and privacy: what she accepted, and a copy of everything.
      await page.goto("/me/privacy");
      await expect(page.getByTestId("accepted").locator("li")).toHaveCount(2);
      await checkPage(page, lang);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
      expect(download.suggestedFilename()).toMatch(/^tam-my-data-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8")));
      expect(data.users[0].email).toBe(email);
      expect(data.volunteer_profiles[0].name_latin).toBe("Sara Al-Marri");
      expect(JSON.stringify(data)).not.toContain("$argon2id$");

      // Deleting the account asks for the password; then she is logged out for good.
      await page.locator("#field-password").fill("saffron dhow at the corniche");
      await page.getByRole("button", { name: t("احذف حسابي نهائيًا", "Delete my account for good") }).click();
      await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("deleted") === "1");
      await expect(page.getByTestId("account-deleted")).toBeVisible();
      await checkPage(page, lang);
      const me = await page.goto("/me");
      expect(me?.status()).toBe(401);
    });

    test("an organization applies, an admin approves it, and its coordinator invites a second one", async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      const applicant = uniqueEmail(`org-${lang}`);
      const password = "saffron dhow at the corniche";
      const orgEn = `Corniche Helpers ${lang} ${Date.now() % 100000}`;
      const orgAr = `جمعية أصدقاء الكورنيش ${lang} ${Date.now() % 100000}`;

      // The applicant registers and confirms the address from the mail.
      await page.goto("/register");
      await register(page, t("هدى الكعبي", "Huda Al-Kaabi"), applicant, password);
      await page.waitForURL("**/me");
      await page.goto(linkIn(await waitForMail(applicant, /\/verify\?token=/), /\/verify\?token=/));
      await hydrated(page);
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me?verified=1");

      // The application.
      await page.getByRole("link", { name: t("تسجيل جهة", "Register an organization") }).click();
      await page.waitForURL("**/org/apply");
      await checkPage(page, lang);
      await page.locator("#field-name_ar").fill(orgAr);
      await page.locator("#field-name_en").fill(orgEn);
      await page.locator("#field-description_ar").fill("نساعد في تنظيف الكورنيش وتنظيم الفعاليات البحرية للعائلات كل أسبوع.");
      await page.locator("#field-sector").selectOption("environment");
      await page.locator("#field-municipality").selectOption("doha");
      await page.locator("#field-licence_number").fill("MSDF-4471");
      await page.locator("#field-licence_expiry").fill("2020-01-01");
      await page.locator("#field-contact_name").fill("Huda Al-Kaabi");
      await page.locator("#field-contact_phone").fill("55667788");
      await page.locator("#field-contact_email").fill(applicant);
      await page.locator("form.form button[type=submit]").click();
      await expect(page.locator("#field-licence_expiry-error")).toHaveText(
        t("هذا التاريخ قد مضى: يجب أن يكون الترخيص ساريًا للانضمام إلى تم.", "This date has passed: the licence must be valid to join Tam."),
      );
      await checkPage(page, lang);
      await page.locator("#field-licence_expiry").fill("2030-06-30");
      await page.locator("form.form button[type=submit]").click();
      await expect(page.getByTestId("apply-pending")).toBeVisible();
      await checkPage(page, lang);

      // An admin (two-step sign-in on) approves it from the queue.
      const adminContext = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 800 } });
      const admin = await adminContext.newPage();
      await logIn(admin, `admin-orgs-${lang}@tam.qa`, ADMIN_PASSWORD, "");
      await admin.goto("/me/security");
      await turnOnTwoStep(admin, lang);
      await admin.goto("/admin/organizations");
      await checkPage(admin, lang);
      const card = admin.getByTestId("application").filter({ hasText: lang === "ar" ? orgAr : orgEn });
      await expect(card).toHaveCount(1);
      await card.getByRole("button", { name: t("اقبل", "Approve") }).click();
      await expect(admin.getByTestId("application").filter({ hasText: lang === "ar" ? orgAr : orgEn })).toHaveCount(0);
      await admin.goto("/admin/organizations?status=approved");
      await expect(admin.getByTestId("application").filter({ hasText: lang === "ar" ? orgAr : orgEn })).toHaveCount(1);
      await checkPage(admin, lang);

      // The applicant is told by mail and now coordinates it.
      const approved = await waitForMail(applicant, /\/org\b/);
      expect(approved).toContain(lang === "ar" ? orgAr : orgEn);
      await page.goto("/org");
      await expect(page.locator("h1")).toHaveText(lang === "ar" ? orgAr : orgEn);
      await checkPage(page, lang);

      // The coordinator invites a second coordinator by email.
      const second = uniqueEmail(`second-${lang}`);
      await page.locator("#field-email").fill(second);
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/org?invited=1");
      await expect(page.getByTestId("invites")).toContainText(second);
      await checkPage(page, lang);

      // The second person opens the mail, creates an account with that address, and accepts.
      const invitation = await waitForMail(second, /\/invite\?token=/);
      const secondContext = await browser.newContext({ locale: lang, viewport: { width: 360, height: 740 } });
      const other = await secondContext.newPage();
      await other.goto(linkIn(invitation, /\/invite\?token=/));
      await checkPage(other, lang);
      await other.getByTestId("invite").getByRole("link", { name: t("إنشاء حساب", "Create account") }).click();
      await other.waitForURL("**/register?next=**");
      await register(other, t("علي النعيمي", "Ali Al-Nuaimi"), second, password);
      await other.waitForURL("**/invite?token=**");
      await checkPage(other, lang);
      await other.getByRole("button", { name: t("اقبل الدعوة", "Accept the invitation") }).click();
      await other.waitForURL("**/org");
      await expect(other.getByTestId("coordinator-row")).toHaveCount(2);
      await checkPage(other, lang);

      // The invitation works once.
      await other.goto(linkIn(invitation, /\/invite\?token=/));
      await expect(other.getByTestId("invite-invalid")).toBeVisible();

      // The first coordinator removes the second, whose very next request finds no role.
      await page.goto("/org");
      await page.getByTestId("coordinator-row").filter({ hasText: second }).getByRole("button").click();
      await expect(page.getByTestId("coordinator-row")).toHaveCount(1);
      const gone = await other.goto("/org");
      expect(gone?.status()).toBe(403);
      await adminContext.close();
      await secondContext.close();
    });
  });
}
