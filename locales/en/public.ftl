# Public pages: home, register, login.
home-title = Volunteer for Qatar
home-heading = Volunteer where your time makes a difference
home-lead = Tam connects volunteers in Qatar with the charities, centers and foundations that need them. Build your profile once, find opportunities that fit you, and follow your applications, hours and certificates in one place.
home-cta-register = Join as a volunteer
home-cta-login = I have an account
home-volunteer-count = { $count ->
    [zero] Be the first volunteer on Tam
    [one] Join { $count } volunteer on Tam
   *[other] Join { $count } volunteers on Tam
}
home-org-count = { $count ->
    [zero] No organizations yet
    [one] { $count } organization is waiting for you
   *[other] { $count } organizations are waiting for you
}
home-feature-find-title = Find your opportunity
home-feature-find-body = Opportunities from trusted organizations across Qatar, matched to your interests and time.
home-feature-track-title = Follow your applications
home-feature-track-body = Know the moment your application is accepted and when your shift starts.
home-feature-grow-title = Record your impact
home-feature-grow-body = Your hours, training and certificates are kept for you, and you can export them any time.
register-title = Create a volunteer account
register-lead = One account lets you volunteer with every organization on Tam.
register-submit = Create account
register-have-account = Already have an account?
login-title = Log in
login-lead = Welcome back to Tam.
login-submit = Log in
login-no-account = No account yet?
field-full-name = Full name
field-full-name-hint = As you want organizations to see it.
field-email = Email
field-password = Password
field-password-hint = At least ten characters. A phrase of a few unrelated words is strong and easy to remember.
err-full-name-required = Enter your full name.
err-full-name-too-long = The name is longer than allowed (100 characters).
err-full-name-invalid = The name contains characters that are not allowed.
err-email-required = Enter your email address.
err-email-invalid = This does not look like a valid email address, such as name@example.qa.
err-email-taken = An account with this email already exists. Log in instead.
err-password-too-short = The password is too short: at least ten characters.
err-password-too-long = The password is longer than allowed (128 characters).
err-password-weak = This password is easy to guess. Use a longer phrase of several unrelated words, and nothing from your name or email.
err-login-failed = The email or password is not correct.
verify-title = Confirm your email address
verify-lead = Confirm that this address is yours, so that organizations can trust it and Tam can reach you.
verify-submit = Confirm my address
forgot-title = Forgot your password?
forgot-lead = Enter the email address of your account. We will send you a link to choose a new password.
forgot-submit = Send me a link
forgot-sent = If an account exists for that address, we have sent it a link to choose a new password. The link works once, for 30 minutes. Check your spam folder too.
reset-title = Choose a new password
reset-lead = After this, you will be logged out everywhere, and you can log in with the new password.
reset-submit = Save the new password
reset-done = Your password has been changed and every session has ended. Log in with your new password.
field-new-password = New password
login-forgot = Forgot your password?
login-code-title = Enter your sign-in code
login-code-lead = Two-step sign-in is on for this account. Open your authenticator app and enter the code it shows for Tam.
login-code-submit = Continue
field-code = Code
field-code-hint = The 6-digit code from your app, or one of your recovery codes.
