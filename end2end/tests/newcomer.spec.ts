import { expect, test, checkPage, hydrated, logIn, plain, uniqueEmail } from "./helpers";

// A newcomer on a phone, with an Arabic browser.
test.use({ locale: "ar", viewport: { width: 360, height: 740 } });

test("a newcomer registers in Arabic, switches to English on the same page, logs out and back in", async ({
  page,
}) => {
  const email = uniqueEmail("layla");
  const password = "كلمة مرور طويلة 2026";

  await page.goto("/");
  await checkPage(page, "ar");
  await expect(page.locator("h1")).toHaveText("تطوّع حيث يُحدث وقتك فرقًا");

  await page.getByRole("link", { name: "انضم متطوعًا" }).click();
  await page.waitForURL("**/register");
  await checkPage(page, "ar");

  // Bad input: translated errors next to each field, and what was typed stays.
  await page.locator("#field-full_name").fill("ل");
  await page.locator("#field-email").fill("layla-at-example");
  await page.locator("#field-password").fill("قصيرة");
  await page.getByRole("button", { name: "إنشاء الحساب" }).click();
  await expect(page.locator("#field-full_name-error")).toHaveText("الاسم الكامل مطلوب.");
  await expect(page.locator("#field-email-error")).toHaveText(
    "هذا لا يبدو بريدًا إلكترونيًا صحيحًا، مثل name@example.qa.",
  );
  await expect(page.locator("#field-password-error")).toHaveText("كلمة المرور قصيرة: عشرة أحرف على الأقل.");
  await expect(page.locator("#field-email")).toHaveValue("layla-at-example");
  await expect(page.locator("#field-email")).toHaveAttribute("aria-invalid", "true");
  // Focus goes to the first field to correct.
  await expect(page.locator("#field-full_name")).toBeFocused();
  await checkPage(page, "ar");

  await expect(page.locator("#field-accept-error")).toHaveText(
    "يتطلب الانضمام إلى تم الموافقة على إشعار الخصوصية وميثاق المتطوع.",
  );
  await page.locator("#field-full_name").fill("ليلى الكواري");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await page.locator("#field-accept-policies").check();
  await page.getByRole("button", { name: "إنشاء الحساب" }).click();
  await page.waitForURL("**/me");
  await expect(page.locator("h1")).toHaveText(/أهلًا/);
  expect(plain(await page.locator("h1").textContent())).toBe("أهلًا ليلى الكواري");
  await expect(page).toHaveTitle("صفحتي — تم");
  await checkPage(page, "ar");

  // Switch language: the same page comes back, whole in English and left-to-right.
  await page.getByTestId("lang-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(new URL(page.url()).pathname).toBe("/me");
  expect(plain(await page.locator("h1").textContent())).toBe("Welcome, ليلى الكواري");
  await expect(page).toHaveTitle("My page — Tam");
  await checkPage(page, "en");

  // Remembered: a fresh load (Arabic browser) stays English.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "lang")?.value).toBe("en");
  await page.reload();
  await checkPage(page, "en");
  await expect(page.getByTestId("me")).toBeVisible();
  await expect(page).toHaveTitle("My page — Tam");

  // Log out: the page no longer shows anything of the account.
  await page.getByTestId("logout").click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  const me = await page.goto("/me");
  expect(me?.status()).toBe(401);
  await expect(page.getByTestId("unauthorized")).toBeVisible();
  await expect(page.getByTestId("me")).toHaveCount(0);
  await checkPage(page, "en");

  // And back in.
  await logIn(page, email, password);
  expect(plain(await page.locator("h1").textContent())).toBe("Welcome, ليلى الكواري");
  await checkPage(page, "en");
});

test("a refused page offers the login form and then shows the data in place", async ({ page }) => {
  const res = await page.goto("/me");
  expect(res?.status()).toBe(401);
  await checkPage(page, "ar");
  await page.locator("#field-email").fill("volunteer@tam.qa");
  await page.locator("#field-password").fill("a wrong password");
  await page.locator("form.form button[type=submit]").click();
  await expect(page.getByTestId("form-error")).toHaveText("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
  await expect(page.locator("#field-email")).toHaveValue("volunteer@tam.qa");
  await checkPage(page, "ar");
  await page.locator("#field-password").fill("tam-demo-2026");
  await page.locator("form.form button[type=submit]").click();
  await expect(page.getByTestId("me")).toBeVisible();
  expect(plain(await page.locator("h1").textContent())).toBe("أهلًا فاطمة المري");
  expect(new URL(page.url()).pathname).toBe("/me");
});

test("registering an email that exists says so next to the email field", async ({ page }) => {
  await page.goto("/register");
  await hydrated(page);
  await page.locator("#field-full_name").fill("Someone");
  await page.locator("#field-email").fill("VOLUNTEER@tam.qa");
  await page.locator("#field-password").fill("a long enough password");
  await page.locator("#field-accept-policies").check();
  await page.getByRole("button", { name: "إنشاء الحساب" }).click();
  await expect(page.locator("#field-email-error")).toHaveText(
    "يوجد حساب بهذا البريد الإلكتروني. يمكنك تسجيل الدخول بدلًا من ذلك.",
  );
  await expect(page.locator("#field-full_name")).toHaveValue("Someone");
  await checkPage(page, "ar");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("login, registration, the language switch and logout work as plain forms", async ({ page }) => {
    await page.goto("/login");
    await checkPage(page, "ar", { js: false });
    await page.locator("#field-email").fill("volunteer@tam.qa");
    await page.locator("#field-password").fill("a wrong password");
    await page.locator("form.form button[type=submit]").click();
    // Back on the login page, with the error and what was typed (never the password).
    await page.waitForURL((url) => url.pathname === "/login");
    await expect(page.getByTestId("form-error")).toHaveText("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
    await expect(page.locator("#field-email")).toHaveValue("volunteer@tam.qa");
    await expect(page.locator("#field-password")).toHaveValue("");
    await checkPage(page, "ar", { js: false });
    // The error is shown once: a reload shows a fresh form.
    await page.reload();
    await expect(page.getByTestId("form-error")).toHaveText("");

    await page.locator("#field-email").fill("volunteer@tam.qa");
    await page.locator("#field-password").fill("tam-demo-2026");
    await page.locator("form.form button[type=submit]").click();
    await page.waitForURL("**/me");
    expect(plain(await page.locator("h1").textContent())).toBe("أهلًا فاطمة المري");

    await page.getByTestId("lang-switch").click();
    await page.waitForURL("**/me");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // The page shows her name in its own script: she saved an Arabic and a Latin one.
    expect(plain(await page.locator("h1").textContent())).toBe("Welcome, Fatima Al-Marri");
    await checkPage(page, "en", { js: false });

    await page.getByTestId("logout").click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
    await checkPage(page, "en", { js: false });
  });

  test("registration errors come back next to each field, with what was typed", async ({ page }) => {
    await page.goto("/register");
    await page.locator("#field-full_name").fill("ل");
    await page.locator("#field-email").fill("layla-at-example");
    await page.locator("#field-password").fill("قصيرة");
    await page.getByRole("button", { name: "إنشاء الحساب" }).click();
    await page.waitForURL((url) => url.pathname === "/register");
    await expect(page.locator("#field-full_name-error")).toHaveText("الاسم الكامل مطلوب.");
    await expect(page.locator("#field-email-error")).toHaveText(
      "هذا لا يبدو بريدًا إلكترونيًا صحيحًا، مثل name@example.qa.",
    );
    await expect(page.locator("#field-password-error")).toHaveText("كلمة المرور قصيرة: عشرة أحرف على الأقل.");
    await expect(page.locator("#field-full_name")).toHaveValue("ل");
    await expect(page.locator("#field-email")).toHaveValue("layla-at-example");
    await expect(page.locator("#field-password")).toHaveValue("");
    await expect(page.locator("#field-accept-error")).toHaveText(
      "يتطلب الانضمام إلى تم الموافقة على إشعار الخصوصية وميثاق المتطوع.",
    );
    await expect(page.locator("#field-email")).toHaveAttribute("aria-invalid", "true");
    await checkPage(page, "ar", { js: false });
  });
});
