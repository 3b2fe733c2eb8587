# The volunteer's own page.
me-title = My page
me-greeting = Welcome, { $name }
me-lead = This is your page on Tam: your details and your roles on the platform.
me-details = My details
me-email = Email
me-member-since = Member since
me-roles = My roles
role-volunteer = Volunteer
role-coordinator = Coordinator at { $org }
role-admin = Platform administrator
me-verified = Thank you: your email address is confirmed.
me-unverified = Your email address is not confirmed yet. Open the link we sent you to confirm it; until then, you cannot become a coordinator of an organization.
me-verification-sent = We have sent you a new link.
me-resend = Send the link again
me-mfa-due = { $days ->
    [one] As a coordinator, turn on two-step sign-in within { $days } day. After that, you cannot act for your organization until you do.
   *[other] As a coordinator, turn on two-step sign-in within { $days } days. After that, you cannot act for your organization until you do.
}
me-mfa-overdue = You cannot act for your organization until you turn on two-step sign-in.
me-security-link = Security: sessions, two-step sign-in and password
security-title = Security
security-lead = The devices logged in to your account, two-step sign-in, and your password.
security-mfa = Two-step sign-in
security-mfa-on = Two-step sign-in is on: logging in needs a code from your authenticator app.
security-mfa-off = Two-step sign-in is off. Turn it on so that a stolen password is not enough to enter your account.
security-mfa-enable = Turn on two-step sign-in
security-mfa-required = Your role requires two-step sign-in, so it cannot be turned off.
security-mfa-disable = Turn off two-step sign-in
security-recovery-left = { $count ->
    [zero] You have no recovery codes left.
    [one] You have { $count } recovery code left.
   *[other] You have { $count } recovery codes left.
}
security-sessions = Where you are logged in
security-this-device = This device
security-device-unknown = Unknown device
security-address-unknown = unknown
security-address = Address:
security-started = Started
security-last-seen = last active
security-end-session = Log out this device
security-end-others = Log out all other devices
security-password = Password
security-password-lead = Changing your password logs you out on every other device.
security-password-submit = Change password
field-current-password = Current password
mfa-title = Turn on two-step sign-in
mfa-lead = You will need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or FreeOTP.
mfa-step-scan = 1. Add Tam to your app
mfa-qr-label = QR code to add Tam to an authenticator app
mfa-secret-label = Or type this key into the app:
mfa-step-codes = 2. Keep your recovery codes
mfa-codes-lead = Each code lets you log in once if you lose your phone. Write them down or print them and keep them somewhere safe: they are shown only now.
mfa-step-confirm = 3. Confirm with a code
mfa-confirm = Turn on
field-code-hint-app = The 6-digit code your app now shows for Tam.
err-phone-invalid = Enter a phone number: a Qatar mobile (8 digits, such as 5555 1234) or a number with its country code (such as +44 20 7946 0958).
err-birth-date-invalid = Enter the date of birth as year-month-day, such as 1998-03-15.
err-birth-date-range = Volunteers on Tam are between 13 and 100 years old. Check the year.
err-text-too-long = This text is longer than allowed.
err-text-invalid = This text contains characters that are not allowed.
err-choice-unknown = Choose from the options offered.
err-emergency-incomplete = An emergency contact needs both a name and a phone number.
err-guardian-required = Volunteers under 18 need a parent or guardian: fill in their name, phone, email and relationship.
err-profile-birth-date-needed = Add your date of birth to your profile before applying.
err-guardian-consent-needed = Your parent or guardian has not given consent yet. We sent them a link by email.
