import { expect, test, checkPage, hydrated, logIn, turnOnTwoStep, uniqueEmail } from "./helpers";
import { waitForMail } from "./mail";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

for (const lang of ["ar", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang, viewport: lang === "ar" ? { width: 360, height: 740 } : { width: 1280, height: 800 } });

    test("a volunteer confirms the address from the mail, turns on two-step sign-in, logs in with a code and ends another session", async ({
      page,
      browser,
    }) => {
      test.setTimeout(90_000);
      const email = uniqueEmail(`secure-${lang}`);
      const password = "saffron dhow at the corniche";

      await page.goto("/register");
      await hydrated(page);
      await page.locator("#field-full_name").fill(lang === "ar" ? "سارة المري" : "Sara Al-Marri");
      await page.locator("#field-email").fill(email);
      await page.locator("#field-password").fill(password);
      await page.locator("#field-accept-policies").check();
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me");
      await expect(page.getByTestId("unverified")).toBeVisible();
      await checkPage(page, lang);

      // The link arrives through SMTP, in the language the volunteer registered in.
      const text = await waitForMail(email, /\/verify\?token=/);
      expect(text).toContain(lang === "ar" ? "أهلًا بك في تم" : "welcome to Tam");
      const link = new URL(/https?:\/\/\S+\/verify\?token=[\w-]+/.exec(text)![0]);
      await page.goto(link.pathname + link.search);
      await checkPage(page, lang);
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me?verified=1");
      await expect(page.getByTestId("verified")).toBeVisible();
      await expect(page.getByTestId("unverified")).toHaveCount(0);
      await checkPage(page, lang);

      // Another device, logged in before two-step sign-in was on.
      const phone = await browser.newContext({ locale: lang, userAgent: IPHONE });
      const other = await phone.newPage();
      await logIn(other, email, password, "");

      await page.goto("/me");
      await page
        .getByRole("link", {
          name: lang === "ar" ? "الأمان: الجلسات والتحقق بخطوتين وكلمة المرور" : "Security: sessions, two-step sign-in and password",
        })
        .click();
      await page.waitForURL("**/me/security");
      await expect(page.getByTestId("mfa-off")).toBeVisible();
      await checkPage(page, lang);
      const secret = await turnOnTwoStep(page, lang);

      // Log out; logging in now takes the code.
      await page.getByTestId("logout").click();
      await page.waitForURL((url) => url.pathname === "/");
      await logIn(page, email, password, secret, { checkCodePage: lang });

      // The other device is listed, with what it is, and ended from here.
      await page.goto("/me/security");
      await checkPage(page, lang);
      await expect(page.getByTestId("session-current")).toHaveCount(1);
      const others = page.getByTestId("session-other");
      await expect(others).toHaveCount(1);
      await expect(others).toContainText("Safari · iOS");
      await others.getByRole("button").click();
      await expect(page.getByTestId("session-other")).toHaveCount(0);
      await checkPage(page, lang);
      const gone = await other.goto("/me");
      expect(gone?.status()).toBe(401);
      await phone.close();
    });

    test("a volunteer who forgot the password sets a new one from the mailed link", async ({ page }) => {
      const email = uniqueEmail(`forgot-${lang}`);
      await page.goto("/register");
      await hydrated(page);
      await page.locator("#field-full_name").fill(lang === "ar" ? "مريم السادة" : "Maryam Al-Sada");
      await page.locator("#field-email").fill(email);
      await page.locator("#field-password").fill("saffron dhow at the corniche");
      await page.locator("#field-accept-policies").check();
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/me");
      await page.getByTestId("logout").click();
      await page.waitForURL((url) => url.pathname === "/");

      await page.goto("/login");
      await page.getByRole("link", { name: lang === "ar" ? "نسيت كلمة المرور؟" : "Forgot your password?" }).click();
      await page.waitForURL("**/forgot");
      await checkPage(page, lang);
      await page.locator("#field-email").fill(email);
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/forgot?sent=1");
      await expect(page.getByTestId("forgot-sent")).toBeVisible();
      await checkPage(page, lang);

      const text = await waitForMail(email, /\/reset\?token=/);
      const link = new URL(/https?:\/\/\S+\/reset\?token=[\w-]+/.exec(text)![0]);
      await page.goto(link.pathname + link.search);
      await checkPage(page, lang);
      // A guessable password is refused next to the field; the link still works after that.
      await page.locator("#field-password").fill("password123");
      await page.locator("form.form button[type=submit]").click();
      await expect(page.locator("#field-password-error")).not.toBeEmpty();
      await checkPage(page, lang);
      await page.locator("#field-password").fill("camels cross the dunes at dawn");
      await page.locator("form.form button[type=submit]").click();
      await page.waitForURL("**/login?reset=1");
      await expect(page.getByTestId("reset-done")).toBeVisible();
      await checkPage(page, lang);
      await logIn(page, email, "camels cross the dunes at dawn", "");
      // And the link is spent.
      await page.goto(link.pathname + link.search);
      await page.locator("#field-password").fill("another long phrase for tam");
      await page.locator("form.form button[type=submit]").click();
      await expect(page.getByTestId("form-error")).not.toBeEmpty();
    });
  });
}
